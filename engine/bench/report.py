#!/usr/bin/env python3
"""Combines one ./vstkit bench run into tables, dist/bench/results.json,
results.csv and results.png.

Every ratio compares figures measured in the same run on the same machine.
Run with Debian's python3 (its matplotlib draws the plot).
"""
import csv
import json
import platform
import sys
from datetime import date
from pathlib import Path

FRAMES = (64, 512, 4096)
FORMATS = (("bare", "bare processor"), ("vst3", "VST3"), ("lv2", "LV2"), ("clap", "CLAP"))
PLUGINS = (("gain", "VstKit"), ("filter", "VstKitFilter"))
# The goals at 64 frames, per format: whole call / bare processor.
RATIO_GOALS = {"vst3": 1.5, "lv2": 1.3, "clap": 1.5}
TEXTBOOK = "TextbookGain.vst3"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_rows(bench_dir: Path) -> list:
    lines = (bench_dir / "host.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def find(rows: list, bundle_name: str, frames: int, instances: int = 1) -> dict:
    for row in rows:
        if Path(row["bundle"]).name == bundle_name and row["frames"] == frames and row["instances"] == instances:
            return row
    raise SystemExit(f"missing bench result for {bundle_name} at {frames} frames x {instances}")


def bundle_of(plugin: str, bundle: str, fmt: str) -> str:
    return f"bare:{plugin}" if fmt == "bare" else f"{bundle}.{fmt}"


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def dsp_table(bench_dir: Path, results: dict) -> None:
    dsp = json.loads((bench_dir / "dsp.json").read_text())
    dsp_ns = {b["name"]: b["real_time"] for b in dsp["benchmarks"]}
    print("dsp alone (Google Benchmark, stereo, ns per call)")
    print(f"  {'frames':>6} {'raw loop':>10} {'steady':>10} {'ratio':>7} {'smoothing':>10} {'ratio':>7}")
    for frames in FRAMES:
        raw = dsp_ns[f"rawGainLoop/{frames}"]
        steady = dsp_ns[f"processorSteady/{frames}"]
        smoothing = dsp_ns[f"processorSmoothing/{frames}"]
        results["dsp"][str(frames)] = {"raw_ns": raw, "steady_ns": steady, "smoothing_ns": smoothing}
        print(f"  {frames:>6} {raw:>10.1f} {steady:>10.1f} {steady / raw:>6.2f}x {smoothing:>10.1f} "
              f"{smoothing / raw:>6.2f}x")


def format_tables(rows: list, results: dict, table_rows: list) -> None:
    for plugin, bundle in PLUGINS:
        print(f"\n{plugin}: whole process()/run() in vstkit-host, 48 kHz, in place, ns per call "
              f"(median of batch averages, fastest of 3 rounds) and ratio to the bare processor")
        print(f"  {'':<16}" + "".join(f"{str(f) + ' frames':>22}" for f in FRAMES))
        entries = list(FORMATS) + ([("textbook", "textbook JUCE")] if plugin == "gain" else [])
        bare = {f: find(rows, f"bare:{plugin}", f)["median_ns"] for f in FRAMES}
        for fmt, label in entries:
            name = TEXTBOOK if fmt == "textbook" else bundle_of(plugin, bundle, fmt)
            cells = []
            for frames in FRAMES:
                row = find(rows, name, frames)
                ratio = row["median_ns"] / bare[frames]
                results["formats"].setdefault(plugin, {}).setdefault(fmt, {})[str(frames)] = {
                    "median_ns": row["median_ns"], "p99_ns": row["p99_ns"], "vs_bare": ratio}
                table_rows.append({"plugin": plugin, "format": fmt, "frames": frames,
                                   "median_ns": f"{row['median_ns']:.2f}", "p99_ns": f"{row['p99_ns']:.2f}",
                                   "vs_bare": f"{ratio:.3f}"})
                cells.append(f"{row['median_ns']:>10.1f} ({ratio:>5.2f}x)")
            print(f"  {label:<16}" + "".join(f"{c:>22}" for c in cells))


def scale_table(rows: list, results: dict, table_rows: list) -> None:
    print("\n1000 instances in one vstkit-host, one 64-frame block each per cycle, host included")
    print(f"  {'':<16}{'median cycle':>14}{'% of budget':>13}{'p99 %':>9}{'KiB each':>10}")
    for fmt, label in list(FORMATS[1:]) + [("textbook", "textbook JUCE")]:
        name = TEXTBOOK if fmt == "textbook" else f"VstKit.{fmt}"
        row = find(rows, name, 64, 1000)
        p99_percent = 100.0 * row["p99_ns"] / row["budget_ns"]
        kib = row["bytes_per_instance"] / 1024.0
        results["scale"][fmt] = {"cycle_median_ns": row["median_ns"], "cycle_p99_ns": row["p99_ns"],
                                 "budget_percent": row["median_budget_percent"],
                                 "p99_budget_percent": p99_percent, "kib_per_instance": kib}
        table_rows.append({"plugin": "gain", "format": f"{fmt} x1000", "frames": 64,
                           "median_ns": f"{row['median_ns']:.0f}", "p99_ns": f"{row['p99_ns']:.0f}",
                           "vs_bare": ""})
        print(f"  {label:<16}{row['median_ns'] / 1000:>11.1f} us{row['median_budget_percent']:>12.2f}%"
              f"{p99_percent:>8.2f}%{kib:>10.1f}")


def meters_table(rows: list, results: dict, table_rows: list) -> None:
    print("\nmeters: the bare processor plus the output meters an open editor asks for, 64 frames")
    for plugin, _ in PLUGINS:
        bare = find(rows, f"bare:{plugin}", 64)["median_ns"]
        metered = find(rows, f"meters:{plugin}", 64)["median_ns"]
        results["meters"][plugin] = {"bare_ns": bare, "with_meters_ns": metered, "ratio": metered / bare}
        table_rows.append({"plugin": plugin, "format": "bare+meters", "frames": 64,
                           "median_ns": f"{metered:.2f}", "p99_ns": "", "vs_bare": f"{metered / bare:.3f}"})
        print(f"  {plugin:<16}{bare:>10.1f} ns -> {metered:>8.1f} ns ({metered / bare:.2f}x)")


def web_editor_table(bench_dir: Path, results: dict) -> None:
    web = json.loads((bench_dir / "web_editor.json").read_text())
    results["web_editor"] = web
    print("\nthe gain's web editor (helper process, WebKitGTK under Xvfb)")
    print(f"  open to page loaded {web['open_to_loaded_ms']:.0f} ms, to controls shown "
          f"{web['open_to_controls_ms']:.0f} ms (median of 5)")
    print(f"  bridge round trip, page -> plugin -> page: p50 {web['round_trip_p50_ms']:.2f} ms, "
          f"p99 {web['round_trip_p99_ms']:.2f} ms ({web['round_trips']} parameter.set in a row)")


def dev_bridge_table(bench_dir: Path, results: dict) -> None:
    dev = json.loads((bench_dir / "dev_bridge.json").read_text())
    results["dev_bridge"] = dev
    print("\nthe browser dev mode's bridge (the gain's engine, WebSocket on 127.0.0.1)")
    print(f"  parameter.set -> another client's parameter.changed: p50 {dev['round_trip_p50_ms']:.3f} ms, "
          f"p99 {dev['round_trip_p99_ms']:.3f} ms ({dev['round_trips']} in a row)")
    print(f"  meters: {dev['meters_per_second']:.2f} a second over {dev['meter_seconds']} s, longest gap "
          f"{dev['meter_gap_max_ms']:.1f} ms (p99 {dev['meter_gap_p99_ms']:.1f} ms)")


def goals_table(results: dict) -> list:
    formats = results["formats"]
    goals = []
    p50 = results["web_editor"]["round_trip_p50_ms"]
    goals.append(("web editor bridge round trip, p50", f"{p50:.2f} ms", "<= 5 ms", p50 <= 5.0))
    dev = results["dev_bridge"]
    goals.append(("dev mode WebSocket round trip, p50", f"{dev['round_trip_p50_ms']:.2f} ms", "<= 2 ms",
                  dev["round_trip_p50_ms"] <= 2.0))
    goals.append(("dev mode meters a second, 60 s", f"{dev['meters_per_second']:.1f}", ">= 29.5",
                  dev["meters_per_second"] >= 29.5))
    goals.append(("dev mode meters, longest gap", f"{dev['meter_gap_max_ms']:.0f} ms", "<= 100 ms",
                  dev["meter_gap_max_ms"] <= 100.0))
    for plugin, _ in PLUGINS:
        ratio = results["meters"][plugin]["ratio"]
        goals.append((f"{plugin} process() with meters / without, 64 frames", f"{ratio:.2f}x", "<= 1.10x",
                      ratio <= 1.10))
    for plugin, _ in PLUGINS:
        for fmt, goal in RATIO_GOALS.items():
            ratio = formats[plugin][fmt]["64"]["vs_bare"]
            goals.append((f"{plugin} {fmt.upper()} at 64 frames / bare", f"{ratio:.2f}x", f"<= {goal}x",
                          ratio <= goal))
    for fmt in ("vst3", "lv2", "clap"):
        percent = results["scale"][fmt]["budget_percent"]
        goals.append((f"1000 {fmt.upper()} gains, % of the 64-frame budget", f"{percent:.2f} %", "<= 3 %",
                      percent <= 3.0))
    worst_kib = max(results["scale"][fmt]["kib_per_instance"] for fmt in ("vst3", "lv2", "clap"))
    goals.append(("1000 instances, memory (worst format)", f"{worst_kib:.1f} KiB", "<= 48 KiB",
                  worst_kib <= 48.0))
    for fmt in ("vst3", "lv2", "clap"):
        gain = formats["gain"][fmt]
        per_frame = (gain["512"]["median_ns"] / 512) / (gain["4096"]["median_ns"] / 4096)
        results["formats"]["gain"][fmt]["per_frame_512_vs_4096"] = per_frame
        goals.append((f"gain {fmt.upper()} per-frame cost, 512 vs 4096", f"{per_frame:.2f}x", "<= 1.10x",
                      per_frame <= 1.10))
    textbook = formats["gain"]["vst3"]["64"]["median_ns"] / formats["gain"]["textbook"]["64"]["median_ns"]
    goals.append(("gain VST3 / textbook JUCE gain at 64 frames", f"{textbook:.2f}x", "<= 0.35x",
                  textbook <= 0.35))
    print("\ngoals")
    for what, measured, goal, met in goals:
        print(f"  {what:<48} {measured:>10}  goal {goal:<10} {verdict(met)}")
    results["goals"] = [{"what": w, "measured": m, "goal": g, "met": met} for w, m, g, met in goals]
    return goals


def jack_table(bench_dir: Path, results: dict) -> None:
    path = bench_dir / "jack.json"
    if not path.exists():
        return
    jack = json.loads(path.read_text())
    results["jack"] = jack
    control = jack["passthrough"]["xruns"]
    print(f"\nJACK 2, dummy driver, {jack['server']['sample_rate'] // 1000} kHz / "
          f"{jack['server']['buffer_frames']} frames, {jack['seconds_per_phase']} s per phase "
          f"({'real-time' if jack['server']['realtime'] else 'not real-time'})")
    print(f"  {'phase':<34}{'xruns':>7}{'control':>9}{'late wake-ups':>15}{'client late':>13}{'DSP max':>9}")
    for key, label in (("idle", "the server alone"), ("passthrough", "pass-through client (control)"),
                       ("standalone", "standalone app playing"), ("cores", "100 gain cores in one client")):
        phase = jack[key]
        print(f"  {label:<34}{phase['xruns']:>7}{control:>9}{phase['driver_woke_late']:>15}"
              f"{phase['client_not_finished']:>13}{phase['dsp_load_max_percent']:>8.1f}%")


def plot(bench_dir: Path, results: dict) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 3, figsize=(15, 4.6), gridspec_kw={"width_ratios": [3, 3, 2]})
    colors = {"vst3": "#4c72b0", "lv2": "#55a868", "clap": "#dd8452"}
    width = 0.26
    for axis, (plugin, _) in zip(axes[:2], PLUGINS):
        for index, fmt in enumerate(("vst3", "lv2", "clap")):
            ratios = [results["formats"][plugin][fmt][str(f)]["vs_bare"] for f in FRAMES]
            positions = [x + (index - 1) * width for x in range(len(FRAMES))]
            bars = axis.bar(positions, ratios, width, label=fmt.upper(), color=colors[fmt])
            axis.bar_label(bars, fmt="%.2f", fontsize=7)
        axis.axhline(1.0, color="black", linewidth=0.8)
        axis.axhline(1.5, color="#c44e52", linestyle="--", linewidth=0.9, label="goal at 64: VST3, CLAP")
        axis.axhline(1.3, color="#8172b3", linestyle=":", linewidth=0.9, label="goal at 64: LV2")
        axis.set_xticks(range(len(FRAMES)), [f"{f} frames" for f in FRAMES])
        axis.set_ylabel("whole call / bare processor")
        axis.set_title(f"{plugin}: format cost, ratio to the bare processor")
        axis.legend(fontsize=7)
    scale_formats = ("vst3", "lv2", "clap")
    percents = [results["scale"][fmt]["budget_percent"] for fmt in scale_formats]
    bars = axes[2].bar([fmt.upper() for fmt in scale_formats], percents,
                       color=[colors[fmt] for fmt in scale_formats])
    axes[2].bar_label(bars, fmt="%.2f %%", fontsize=7)
    axes[2].axhline(3.0, color="#c44e52", linestyle="--", linewidth=0.9, label="goal")
    axes[2].set_ylabel("% of the 1,333 us budget")
    axes[2].set_title("1,000 gains at 64 frames, host included")
    axes[2].legend(fontsize=7)
    figure.suptitle(f"./vstkit bench, {results['date']}, {results['cpu']}", fontsize=9)
    figure.tight_layout()
    target = bench_dir / "results.png"
    figure.savefig(target, dpi=110)
    return target


def main(bench_dir: Path) -> int:
    rows = load_rows(bench_dir)
    results = {"date": date.today().isoformat(), "cpu": cpu_model(), "machine": platform.machine(),
               "dsp": {}, "formats": {}, "scale": {}, "meters": {}}
    print(f"VstKit benchmarks, {results['date']}, {results['cpu']}\n")
    dsp_table(bench_dir, results)
    table_rows: list = []
    format_tables(rows, results, table_rows)
    meters_table(rows, results, table_rows)
    web_editor_table(bench_dir, results)
    dev_bridge_table(bench_dir, results)
    scale_table(rows, results, table_rows)
    goals_table(results)
    jack_table(bench_dir, results)

    (bench_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    with (bench_dir / "results.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["plugin", "format", "frames", "median_ns", "p99_ns", "vs_bare"])
        writer.writeheader()
        writer.writerows(table_rows)
    picture = plot(bench_dir, results)
    print(f"\nwrote {bench_dir / 'results.json'}, {bench_dir / 'results.csv'} and {picture}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
