#!/usr/bin/env bash
# VstKit Echo's LV2 in lilv's lv2apply, a host with nothing beyond the LV2
# core: a click comes back 100 ms later, at the level Mix and Feedback say.
#
# Usage: lv2apply_test.sh BUNDLE.lv2
set -euo pipefail

fail() {
    echo "FAIL: $*"
    exit 1
}

[[ $# -eq 1 ]] || fail "usage: $0 BUNDLE.lv2"
command -v lv2apply >/dev/null || fail "lv2apply not found (Debian package lilv-utils)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-echo-lv2apply.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
# shellcheck source=../../../engine/formats/lv2/tests/lv2_host_environment.sh
source "$(dirname "$0")/../../../engine/formats/lv2/tests/lv2_host_environment.sh"
use_lv2_bundle "$1" "$work"

# One sample at 0.5, then half a second of silence, mono.
python3 - "$work/click.f32" <<'PY'
import struct, sys
open(sys.argv[1], "wb").write(struct.pack("<24000f", 0.5, *([0.0] * 23999)))
PY
sox -q -t f32 -r 48000 -c 1 "$work/click.f32" "$work/click.wav"
lv2apply -i "$work/click.wav" -o "$work/out.wav" -c time 100 -c mix 50 -c feedback 50 \
    -c tone 20000 https://vstkit.dev/plugins/vstkit-echo || fail "lv2apply failed"
sox "$work/out.wav" -t f32 "$work/out.f32"
python3 - "$work/out.f32" <<'PY' || exit 1
import struct, sys
data = open(sys.argv[1], "rb").read()
out = struct.unpack(f"<{len(data) // 4}f", data)
def peak(start, end):
    index = max(range(start, end), key=lambda i: abs(out[i]))
    return index, out[index]
dry = peak(0, 10)
first = peak(4700, 4900)
second = peak(9500, 9700)
print(f"dry {dry[1]:.4f} at {dry[0]}, echo {first[1]:.4f} at {first[0]}, "
      f"repeat {second[1]:.4f} at {second[0]}")
ok = (dry[0] == 0 and abs(dry[1] - 0.25) < 0.01          # half dry at Mix 50 %
      and first[0] == 4800 and abs(first[1] - 0.25) < 0.01  # 100 ms later, half wet
      # Feedback 50 %, through the tone low-pass at 20 kHz: a little under.
      and second[0] == 9600 and 0.10 < second[1] <= 0.125)
if not ok:
    print("FAIL: the click does not come back 100 ms later at the expected levels")
    sys.exit(1)
PY
