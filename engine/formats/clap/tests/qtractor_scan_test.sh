#!/usr/bin/env bash
# Qtractor's plugin scanner, built on the official CLAP headers, reads a .clap
# built on VstKit's own declarations: it must find the plugin with the name,
# main audio channels and parameter count vstkit-host reads, an editor (GUI)
# and state (EXT). Where the two disagree, the declarations are wrong.
#
# Usage: qtractor_scan_test.sh HOST PLUGIN.clap
# Needs Debian's qtractor (the scanner) and python3.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 HOST PLUGIN.clap" >&2
    exit 2
fi
readonly HOST="$1" PLUGIN="$(realpath -- "$2")"
readonly SCANNER=/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan

fail() {
    echo "FAIL: $*"
    exit 1
}

[[ -x "$SCANNER" ]] || fail "$SCANNER not found (Debian package qtractor)"
# In a sanitizer build the scanner, which is not instrumented, gets the
# sanitizer runtime preloaded, as the instrumented module needs it first.
preload=""
if runtime=$(ldd "$PLUGIN" | awk '/libasan/ { print $3 }') && [[ -n "$runtime" ]]; then
    preload="$runtime"
fi
# The scanner reads "KIND:PATH" lines on stdin and answers one line per plugin.
scan="$(printf 'CLAP:%s\n' "$PLUGIN" | LD_PRELOAD="$preload" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}${preload:+:detect_leaks=0}" timeout 60 "$SCANNER")" ||
    fail "the scanner failed on $PLUGIN"
echo "qtractor_plugin_scan: $scan"

expected="$("$HOST" info "$PLUGIN" --json | python3 -c '
import json, sys
info = json.load(sys.stdin)
def channels(direction):
    return sum(p["channels"] for p in info["ports"] if p["direction"] == direction and p["main"])
writable = [p for p in info["parameters"] if "readonly" not in p["flags"]]
readonly = len(info["parameters"]) - len(writable)
print("CLAP|%s|%d:%d|0:0|%d:%d|GUI,EXT,RT" % (info["plugins"][0]["name"], channels("input"),
      channels("output"), len(writable), readonly))
')"
echo "vstkit-host info:     $expected"

# Name, audio, MIDI, parameters and flags; the path, index and hash follow.
IFS='|' read -r -a fields <<<"$scan"
((${#fields[@]} >= 9)) || fail "the scanner did not list the plugin: '$scan'"
got="$(IFS='|'; echo "${fields[*]:0:6}")"
[[ "$got" == "$expected" ]] || fail "Qtractor reads '$got', expected '$expected'"
[[ "${fields[6]}" == "$PLUGIN" ]] || fail "the scanner names the file '${fields[6]}'"
echo "PASS: Qtractor's scanner reads what vstkit-host reads"
