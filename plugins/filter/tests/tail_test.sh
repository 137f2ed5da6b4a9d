#!/usr/bin/env bash
# The filter's ring after its input stops, through the built plugins as hosts
# run them, at its highest resonance (Q 20, cutoff 1 kHz low-pass).
#
# Usage: tail_test.sh vst3 CONFORMANCE_DIR
#          the conformance suite's tail check (run with --expect-silence-flags)
#          rang the filter out through VST3 with flagged-silent input: at the
#          highest resonance it rings at least 40 ms, its output is flagged
#          silent only once it is below -120 dBFS and truly silent, and the
#          declared tail covers the ring
#        tail_test.sh lv2 BUNDLE
#          lv2apply (lilv) plays a 64-frame burst then silence: the ring is
#          in the output, 40 ms to 6.5 s long
set -euo pipefail

fail() {
    echo "FAIL: $*"
    exit 1
}

readonly MIN_RING_MS=40

case "${1:-}" in
vst3)
    [[ $# -eq 2 ]] || fail "usage: $0 vst3 CONFORMANCE_DIR"
    rings="$2/tail-rings.txt"
    verdict="$2/tail.txt"
    [[ -f "$rings" && -f "$verdict" ]] || fail "no tail check results in $2"
    cat "$rings" "$verdict"
    grep -q '^no faults' "$verdict" || fail "the tail check found faults"
    line=$(grep "^'Resonance' at its maximum" "$rings") || fail "no run at the highest resonance"
    ring=$(sed -nE 's/.*rings ([0-9]+) ms.*/\1/p' <<<"$line")
    flagged=$(sed -nE 's/.*flagged silent from ([0-9]+) ms.*/\1/p' <<<"$line")
    ((ring >= MIN_RING_MS)) || fail "the ring lasts only $ring ms at the highest resonance"
    [[ -n "$flagged" ]] || fail "the output was never flagged silent after the ring"
    ((flagged >= ring)) || fail "flagged silent from $flagged ms though it rings $ring ms"
    echo "VST3: rings $ring ms above -120 dBFS, flagged silent from $flagged ms"
    ;;
lv2)
    [[ $# -eq 2 ]] || fail "usage: $0 lv2 BUNDLE"
    command -v lv2apply >/dev/null || fail "lv2apply not found (Debian package lilv-utils)"
    work="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-filter-tail.XXXXXX")"
    trap 'rm -rf -- "$work"' EXIT
    # shellcheck source=../../../engine/formats/lv2/tests/lv2_host_environment.sh
    source "$(dirname "$0")/../../../engine/formats/lv2/tests/lv2_host_environment.sh"
    use_lv2_bundle "$2" "$work"
    # 64 frames of noise at -6 dBFS, then a second of digital silence.
    sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$work/burst.wav" \
        synth 64s whitenoise gain -6 pad 0 1
    lv2apply -i "$work/burst.wav" -o "$work/out.wav" -c resonance 20 \
        "https://vstkit.dev/plugins/vstkit-filter" || fail "lv2apply failed"
    sox "$work/out.wav" -t f32 -e floating-point -c 1 "$work/left.f32" remix 1
    ring=$(python3 - "$work/left.f32" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
samples = struct.unpack(f"<{len(data) // 4}f", data)
loud = [i for i, s in enumerate(samples) if abs(s) > 1e-6]
print(round(1000 * max(0, (loud[-1] + 1 if loud else 0) - 64) / 48000))
PY
)
    echo "LV2: rings $ring ms above -120 dBFS after the burst"
    ((ring >= MIN_RING_MS)) || fail "the ring lasts only $ring ms: the tail is cut"
    ((ring <= 6500)) || fail "the ring lasts $ring ms, longer than the declared 6.5 s"
    ;;
*)
    fail "usage: $0 vst3 CONFORMANCE_DIR | lv2 BUNDLE"
    ;;
esac
