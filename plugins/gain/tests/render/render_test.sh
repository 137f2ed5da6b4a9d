#!/usr/bin/env bash
# Renders through the built VST3 or CLAP the way a DAW would and measures the
# audio.
#
# Usage: render_test.sh CASE HOST BUNDLE FIXTURES_DIR [OTHER_BUNDLE]
#   fixture-state     the state saved by the JUCE 7.0.5 build loads: -6.00 dB
#   sample-accurate   a Gain step at frame 24037 (offset 37 of a 64-frame block)
#                     leaves frames before it untouched and changes 24037 on
#   levels            Gain -6 dB measures -6.00 dB and 0 dB is bit-exact, at
#                     44.1, 48 and 96 kHz, in blocks of 1, 64, 1000 and 4096
#                     frames, with 32-bit and 64-bit samples (a CLAP: 32-bit,
#                     the sample size CLAP hosts hand VstKit's ports)
#   sample-accurate-64  the same step as sample-accurate with 64-bit samples
#                     in 3000-frame blocks (VstKit converts 64-bit audio
#                     through a 1024-frame buffer): a point at offset 2500
#                     of block 8 first changes frame 26500
#   no-display        loading, rendering and listing touch no X display:
#                     DISPLAY points at a display that does not exist and
#                     strace sees no connection to any X socket
#   cross-format      OTHER_BUNDLE is the same plugin in another format (the
#                     VST3 of a CLAP): a state saved by either loads in the
#                     other (-6.00 and -9.00 dB), and both save the same bytes
set -euo pipefail

if [[ $# -ne 4 && $# -ne 5 ]]; then
    echo "usage: $0 CASE HOST BUNDLE FIXTURES_DIR [OTHER_BUNDLE]" >&2
    exit 2
fi
readonly CASE="$1" HOST="$2" BUNDLE="$3" FIXTURES="$4" OTHER="${5:-}"
TOOL="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/wav_tool.py"
readonly TOOL
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-render-test.XXXXXX")"
readonly WORK
trap 'rm -rf -- "$WORK"' EXIT

fail() {
    echo "FAIL: $*"
    exit 1
}

case "$CASE" in
fixture-state)
    sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 1 sine 1000 gain -12
    "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block 64 \
        --state "$FIXTURES/juce-7.0.5-state.bin"
    change=$(python3 "$TOOL" gain-db "$WORK/in.wav" "$WORK/out.wav" 0 48000)
    echo "level change with the JUCE 7.0.5 state: $change dB (expect -6.00 +/- 0.05)"
    awk -v c="$change" 'BEGIN { exit !(c > -6.05 && c < -5.95) }' || fail "state fixture did not load as -6 dB"
    ;;
sample-accurate)
    python3 "$TOOL" dc "$WORK/in.wav" 1 0.5
    printf 'seconds,value\n0,0\n%s,0\n%s,-24\n' 0.50077083333 0.50077083333 >"$WORK/step.csv"
    "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block 64 \
        --automation "gain=$WORK/step.csv"
    first=$(python3 "$TOOL" first-change "$WORK/in.wav" "$WORK/out.wav")
    echo "first changed frame: $first (the step is at frame 24037, offset 37 of block 375)"
    [[ "$first" == 24037 ]] || fail "automation took effect at frame $first, not 24037"
    ;;
levels)
    sizes=(32 64)
    [[ "$BUNDLE" == *.clap ]] && sizes=(32)
    for rate in 44100 48000 96000; do
        sox -q -n -r "$rate" -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 0.5 sine 997 gain -12
        for block in 1 64 1000 4096; do
            for bits in "${sizes[@]}"; do
                "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block "$block" \
                    --sample-size "$bits" --set gain=-6 >/dev/null
                change=$(python3 "$TOOL" gain-db "$WORK/in.wav" "$WORK/out.wav" 0 "$((rate / 2))")
                awk -v c="$change" 'BEGIN { exit !(c > -6.01 && c < -5.99) }' ||
                    fail "$rate Hz, blocks of $block, $bits-bit: $change dB, expected -6.00"
                "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block "$block" \
                    --sample-size "$bits" --set gain=0 >/dev/null
                first=$(python3 "$TOOL" first-change "$WORK/in.wav" "$WORK/out.wav")
                [[ "$first" == -1 ]] ||
                    fail "$rate Hz, blocks of $block, $bits-bit: 0 dB changed frame $first"
            done
        done
        echo "$rate Hz: -6.00 dB and a bit-exact 0 dB in blocks of 1, 64, 1000 and 4096, ${sizes[*]}-bit"
    done
    ;;
sample-accurate-64)
    python3 "$TOOL" dc "$WORK/in.wav" 1 0.5
    printf 'seconds,value\n0,0\n%s,0\n%s,-24\n' 0.55208333333 0.55208333333 >"$WORK/step.csv"
    "$HOST" render "$BUNDLE" --in "$WORK/in.wav" --out "$WORK/out.wav" --block 3000 \
        --sample-size 64 --automation "gain=$WORK/step.csv"
    first=$(python3 "$TOOL" first-change "$WORK/in.wav" "$WORK/out.wav")
    echo "first changed frame: $first (the step is at frame 26500, offset 2500 of a 3000-frame block)"
    [[ "$first" == 26500 ]] || fail "64-bit automation took effect at frame $first, not 26500"
    ;;
no-display)
    command -v strace >/dev/null || fail "strace not found (Debian package strace)"
    sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 0.2 sine 1000
    for command in info render; do
        args=("$BUNDLE")
        [[ $command == render ]] && args+=(--in "$WORK/in.wav" --out "$WORK/out.wav" --set gain=-6)
        # LeakSanitizer cannot run under ptrace; the asan stage checks leaks elsewhere.
        DISPLAY=:97 ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
            strace -f -qq -e trace=connect -o "$WORK/$command.strace" \
            "$HOST" "$command" "${args[@]}" >/dev/null || fail "vstkit-host $command failed with DISPLAY=:97"
        if grep -E 'X11-unix|:6097|\.Xauthority' "$WORK/$command.strace"; then
            fail "vstkit-host $command connected to an X display with no editor open"
        fi
        echo "vstkit-host $command: $(grep -c connect "$WORK/$command.strace" || true) connect() calls, none to X"
    done
    ;;
cross-format)
    [[ -n "$OTHER" ]] || fail "cross-format needs OTHER_BUNDLE"
    sox -q -n -r 48000 -c 2 -e floating-point -b 32 "$WORK/in.wav" synth 0.5 sine 997 gain -12
    # level_after BUNDLE STATE : the level change of a render from STATE.
    level_after() {
        local bundle="$1" state_in="$2"
        "$HOST" render "$bundle" --in "$WORK/in.wav" --out "$WORK/out.wav" --block 64 \
            --state "$state_in" >/dev/null
        python3 "$TOOL" gain-db "$WORK/in.wav" "$WORK/out.wav" 0 24000
    }
    for pair in "$BUNDLE|$OTHER|-6" "$OTHER|$BUNDLE|-9"; do
        IFS='|' read -r from to db <<<"$pair"
        "$HOST" render "$from" --in "$WORK/in.wav" --out "$WORK/out.wav" --set "gain=$db" \
            --save-state "$WORK/state.bin" >/dev/null
        change=$(level_after "$to" "$WORK/state.bin")
        echo "saved by $(basename "$from") at $db dB, loaded by $(basename "$to"): $change dB"
        awk -v c="$change" -v d="$db" 'BEGIN { exit !(c > d - 0.05 && c < d + 0.05) }' ||
            fail "the state of $(basename "$from") loaded in $(basename "$to") as $change dB, not $db"
        "$HOST" render "$to" --in "$WORK/in.wav" --out "$WORK/out.wav" --set "gain=$db" \
            --save-state "$WORK/state-$db.bin" >/dev/null
        cmp "$WORK/state.bin" "$WORK/state-$db.bin" ||
            fail "$(basename "$from") and $(basename "$to") save different bytes for $db dB"
    done
    echo "both formats save the same $(stat -c %s "$WORK/state.bin") bytes"
    ;;
*)
    echo "unknown case '$CASE'" >&2
    exit 2
    ;;
esac
echo "PASS: $CASE"
