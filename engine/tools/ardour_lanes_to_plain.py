#!/usr/bin/env python3
"""Converts a VST3 plugin's automation lanes in an Ardour session from
normalized (0..1) to plain values.

Ardour stores a VST3 parameter's automation in the plain units the plugin
reports (normalizedParamToPlain). A plugin whose earlier builds reported
0..1 and whose new build reports real units (VstKit's JUCE-made builds
reported 0..1; its own VST3 layer reports dB) finds old lanes read as plain
values. This rewrites those lanes once, for the plugin in BUNDLE, after
saving the original next to the session.

  ardour_lanes_to_plain.py SESSION.ardour BUNDLE.vst3 [--host vstkit-host]

Only linear parameters are converted (the plugin's plain value at 0.5 must
be the middle of its range); others are reported and left alone.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

MARKER = 'vstkit-lanes="plain"'


def plugin_info(host: str, bundle: str) -> dict:
    result = subprocess.run([host, "info", bundle, "--json"], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"ardour_lanes_to_plain: vstkit-host could not load {bundle}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def convert_events(body: str, low: float, high: float) -> tuple[str, int]:
    """'TIME VALUE' lines, VALUE normalized -> plain."""
    lines, points = [], 0
    for line in body.split("\n"):
        parts = line.split()
        if len(parts) == 2:
            line = f"{parts[0]} {low + float(parts[1]) * (high - low):.9g}"
            points += 1
        lines.append(line)
    return "\n".join(lines), points


def convert_processor(block: str, parameters: list) -> tuple[str, list[str]]:
    """Rewrites the lanes inside one <Processor> element."""
    by_title = {p["title"]: p for p in parameters}
    # Ardour names lanes "parameter-N"; its Controllable lines map N to a title.
    index_to_param = {}
    for name, index in re.findall(r'<Controllable name="([^"]*)"[^>]*parameter="(\d+)"', block):
        if name in by_title:
            index_to_param[index] = by_title[name]
    lane = re.compile(r'<AutomationList automation-id="parameter-(\d+)"[^>]*>\s*<events>(.*?)</events>', re.S)
    out, position, notes = [], 0, []
    for match in lane.finditer(block):
        param = index_to_param.get(match.group(1))
        if param is None:
            continue
        low, mid, high = param["plainAt0"], param["plainAtHalf"], param["plainAt1"]
        if abs(mid - (low + high) / 2) > 1e-6 * max(1.0, abs(high - low)):
            notes.append(f"{param['title']}: not linear, left alone")
            continue
        body, points = convert_events(match.group(2), low, high)
        out.append(block[position:match.start(2)])
        out.append(body)
        position = match.end(2)
        notes.append(f"{param['title']}: {points} points now {low:g}..{high:g}")
    out.append(block[position:])
    return "".join(out), notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("session")
    parser.add_argument("bundle")
    parser.add_argument("--host", default="vstkit-host")
    args = parser.parse_args()
    session = Path(args.session)
    if not session.is_file():
        sys.exit(f"ardour_lanes_to_plain: no session file {session}")
    info = plugin_info(args.host, args.bundle)
    cid = next(c["cid"] for c in info["classes"] if c["category"] == "Audio Module Class")
    text = session.read_text()
    processor = re.compile(r'<Processor [^>]*type="vst3" unique-id="' + cid + r'"[^>]*>.*?</Processor>', re.S)
    blocks = list(processor.finditer(text))
    if not blocks:
        print(f"{session}: no {info['classes'][0]['name']} to convert")
        return 0
    result, position, total = [], 0, []
    for block in blocks:
        element = block.group(0)
        if MARKER in element:
            total.append("already converted")
            converted = element
        else:
            converted, notes = convert_processor(element, info["parameters"])
            converted = converted.replace("<Processor ", f"<Processor {MARKER} ", 1)
            total.extend(notes)
        result.append(text[position:block.start()])
        result.append(converted)
        position = block.end()
    result.append(text[position:])
    backup = session.with_name(session.name + ".normalized-lanes")
    if not backup.exists():
        shutil.copy2(session, backup)
    session.write_text("".join(result))
    print(f"{session}: " + "; ".join(total) + f" (original kept as {backup.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
