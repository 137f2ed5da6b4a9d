#!/usr/bin/env bash
# The filter's response through a built plugin as a host plays it: sines
# rendered by vstkit-host through the VST3 or the CLAP, their level read with
# sox after 0.5 s to settle. The same figures as filter_response_test.cpp,
# which measures the processor alone.
#
# Usage: response_render_test.sh HOST BUNDLE   (BUNDLE: NAME.vst3 or NAME.clap)
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 HOST BUNDLE" >&2
    exit 2
fi
readonly HOST="$1" BUNDLE="$2"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-filter-render.XXXXXX")"
readonly WORK
trap 'rm -rf -- "$WORK"' EXIT

fail() {
    echo "FAIL: $*"
    exit 1
}

# rms FILE : the RMS of the file's second half second.
rms() {
    sox "$1" -n trim 0.5 0.5 stat 2>&1 | awk '/^RMS +amplitude/ { print $3 }'
}

# gain_db MODE CUTOFF Q FREQUENCY : the filter's level change at FREQUENCY
# (-999 for digital silence).
gain_db() {
    sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 1 sine "$4" gain -6
    "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block 64 \
        --set "mode=$1" --set "cutoff=$2" --set "resonance=$3" >/dev/null
    awk -v a="$(rms "$WORK/out.wav")" -v b="$(rms "$WORK/in.wav")" \
        'BEGIN { if (a <= 0) print "-999"; else printf "%.2f", 20 * log(a / b) / log(10) }'
}

# expect MODE CUTOFF Q FREQUENCY LOW HIGH : the change lies in [LOW, HIGH] dB.
expect() {
    local change
    change="$(gain_db "$1" "$2" "$3" "$4")"
    printf '%-9s %5s Hz Q %-5s at %5s Hz: %7s dB (expect %s to %s)\n' "$1" "$2" "$3" "$4" \
        "$change" "$5" "$6"
    awk -v c="$change" -v lo="$5" -v hi="$6" 'BEGIN { exit !(c >= lo && c <= hi) }' ||
        fail "$1 at $4 Hz: $change dB, outside $5 to $6"
}

expect Low-pass 1000 0.7071 1000 -3.1 -2.9
expect Low-pass 1000 0.7071 100 -0.1 0.1
expect Low-pass 1000 0.7071 4000 -999 -23
expect High-pass 1000 0.7071 1000 -3.1 -2.9
expect High-pass 1000 0.7071 10000 -0.1 0.1
expect High-pass 1000 0.7071 250 -999 -23
expect Band-pass 1000 2 1000 -0.1 0.1
expect Band-pass 1000 2 4000 -999 -15
expect Notch 1000 2 1000 -999 -40
expect Notch 1000 2 100 -0.1 0.1
echo "PASS: $(basename "$BUNDLE") measures as the processor does"
