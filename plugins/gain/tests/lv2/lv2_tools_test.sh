#!/usr/bin/env bash
# The built LV2 bundle in plain LV2 hosts: lilv's tools, which offer no
# features beyond the LV2 core, and lv2_validate.
#
# Usage: lv2_tools_test.sh CASE BUNDLE WAV_TOOL
#   validate        lv2_validate (with sordi) finds 0 errors in the TTL
#   lv2apply        lv2apply -c gain -6 measures -6.00 +/- 0.05 dB, and with
#                   the lv2:enabled port at 0 (bypassed) the audio is unchanged
#   lv2file         lv2file -p gain:-6 measures -6.00 +/- 0.05 dB
# The hosts see only a copy of the bundle, in a folder of its own (LV2_PATH).
# In a sanitizer build the tools, which are not instrumented, get the
# sanitizer runtime preloaded, as the instrumented module needs it first.
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 CASE BUNDLE WAV_TOOL" >&2
    exit 2
fi
readonly CASE="$1" BUNDLE="$2" TOOL="$3"
readonly URI="https://vstkit.dev/plugins/vstkit-gain"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-lv2-test.XXXXXX")"
readonly WORK
trap 'rm -rf -- "$WORK"' EXIT

fail() {
    echo "FAIL: $*"
    exit 1
}

# shellcheck source=../../../../engine/formats/lv2/tests/lv2_host_environment.sh
source "$(dirname "$0")/../../../../engine/formats/lv2/tests/lv2_host_environment.sh"
use_lv2_bundle "$BUNDLE" "$WORK"

# expect_change IN OUT : the level change from IN to OUT is -6.00 +/- 0.05 dB.
expect_minus_six() {
    local tool="$1" change
    change=$(python3 "$TOOL" gain-db "$WORK/in.wav" "$WORK/out.wav" 0 48000)
    echo "$tool: level change $change dB (expect -6.00 +/- 0.05)"
    awk -v c="$change" 'BEGIN { exit !(c > -6.05 && c < -5.95) }' || fail "$tool did not apply -6 dB"
}

sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 1 sine 1000 gain -12

case "$CASE" in
validate)
    command -v lv2_validate >/dev/null || fail "lv2_validate not found (Debian package lv2-dev)"
    command -v sordi >/dev/null || fail "sordi not found (Debian package sordi); lv2_validate needs it"
    lv2_validate "$WORK"/lv2/*/*.ttl >"$WORK/validate.log" 2>&1 || true
    cat "$WORK/validate.log"
    grep -qE '^Found 0 errors' "$WORK/validate.log" || fail "lv2_validate reports errors"
    ;;
lv2apply)
    lv2apply -i "$WORK/in.wav" -o "$WORK/out.wav" -c gain -6 "$URI" || fail "lv2apply failed"
    expect_minus_six lv2apply
    lv2apply -i "$WORK/in.wav" -o "$WORK/out.wav" -c gain -6 -c enabled 0 "$URI" || fail "lv2apply failed"
    change=$(python3 "$TOOL" gain-db "$WORK/in.wav" "$WORK/out.wav" 0 48000)
    echo "lv2apply with enabled = 0: level change $change dB (expect 0.00 +/- 0.01)"
    awk -v c="$change" 'BEGIN { exit !(c > -0.01 && c < 0.01) }' || fail "the enabled port does not bypass"
    ;;
lv2file)
    lv2file -i "$WORK/in.wav" -o "$WORK/out.wav" -p gain:-6 -c 1:in_l -c 2:in_r "$URI" ||
        fail "lv2file failed"
    expect_minus_six lv2file
    ;;
*)
    echo "unknown case '$CASE'" >&2
    exit 2
    ;;
esac
echo "PASS: $CASE"
