#!/usr/bin/env bash
# VstKit Echo is mono in, mono out (plugin.h): hosts must see exactly that.
#
# Usage: layout_test.sh vst3 VSTKIT-HOST BUNDLE.vst3
#          vstkit-host reads one mono main bus each way
#        layout_test.sh lv2 BUNDLE.lv2
#          lilv's lv2info lists one audio input "in" and one output "out"
#        layout_test.sh ardour BUNDLE.vst3
#          Ardour 7's VST3 scanner finds "VstKit Echo" with 1 in / 1 out
set -euo pipefail

fail() {
    echo "FAIL: $*"
    exit 1
}

work="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-echo-layout.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT

case "${1:-}" in
vst3)
    [[ $# -eq 3 ]] || fail "usage: $0 vst3 VSTKIT-HOST BUNDLE"
    buses=$("$2" info "$3" --json | python3 -c '
import json, sys
buses = json.load(sys.stdin)["buses"]
print(" ".join("%s:%s:%d" % (b["direction"], b["name"], b["channels"]) for b in buses))')
    echo "VST3 buses: $buses"
    [[ "$buses" == "input:Mono:1 output:Mono:1" ]] || fail "expected one mono bus each way"
    ;;
lv2)
    [[ $# -eq 2 ]] || fail "usage: $0 lv2 BUNDLE"
    command -v lv2info >/dev/null || fail "lv2info not found (Debian package lilv-utils)"
    # shellcheck source=../../../engine/formats/lv2/tests/lv2_host_environment.sh
    source "$(dirname "$0")/../../../engine/formats/lv2/tests/lv2_host_environment.sh"
    use_lv2_bundle "$2" "$work"
    lv2info https://vstkit.dev/plugins/vstkit-echo >"$work/info.txt"
    audio=$(python3 - "$work/info.txt" <<'PY'
import re, sys
ports = re.split(r"\n\tPort \d+:\n", open(sys.argv[1]).read())[1:]
found = []
for port in ports:
    if "lv2core#AudioPort" in port:
        direction = "in" if "lv2core#InputPort" in port else "out"
        found.append(direction + ":" + re.search(r"Symbol:\s+(\S+)", port).group(1))
print(" ".join(found))
PY
)
    echo "LV2 audio ports: $audio"
    [[ "$audio" == "in:in out:out" ]] || fail "expected audio ports 'in' and 'out' only"
    ;;
ardour)
    [[ $# -eq 2 ]] || fail "usage: $0 ardour BUNDLE"
    # shellcheck source=../../../engine/tools/ardour_vst3_scan.sh
    source "$(dirname "$0")/../../../engine/tools/ardour_vst3_scan.sh"
    code=0
    ardour_vst3_scan "$2" "$work/home" "VstKit Echo" || code=$?
    ((code == 0)) || { cat "$ARDOUR_SCAN_LOG"; fail "ardour-vst3-scanner exited with $code"; }
    entry="$ARDOUR_SCAN_ENTRY"
    echo "Ardour: ${entry:-no entry}"
    grep -q 'Found Plugin: VstKit Echo$' "$ARDOUR_SCAN_LOG" || fail "Ardour did not find VstKit Echo"
    grep -q 'n_inputs="1"' <<<"$entry" && grep -q 'n_outputs="1"' <<<"$entry" ||
        fail "Ardour does not see VstKit Echo as 1 in / 1 out"
    ;;
*)
    fail "usage: $0 vst3 VSTKIT-HOST BUNDLE | lv2 BUNDLE | ardour BUNDLE"
    ;;
esac
