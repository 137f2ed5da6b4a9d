#!/usr/bin/env bash
# The Windows modules and vstkit-host.exe, cross-built by the windows preset,
# run under Wine 8 (64-bit) and Xvfb, as a Windows DAW would load them:
#   1. each module imports Windows' own DLLs only and exports the three
#      VST3 entry points only (objdump);
#   2. the conformance suite passes on each plugin's Windows module, and the
#      real-time check says it is not made on Windows;
#   3. the suite can fail under Wine: the fault fixture's faults, a crash
#      in an isolated check included, fail their checks;
#   4. renders: the gain at -6 dB gives -6.00 dB, the filter's low-pass at
#      1 kHz takes a 4 kHz tone down by 23 dB or more; a bundle and files in
#      a folder named beyond the ANSI code page;
#   5. state crosses systems: saved by the Windows build, loaded by the
#      Linux build, and the other way round, with the same values, and the
#      bytes are the same on both;
#   6. the Win32 editor under Xvfb: its own test (every kind of row, typed
#      values, host values, content scale, scrolling, Tab), and again at
#      144 dpi (Wine's LogPixels) with no content scale from the host; an
#      XTest drag (xdotool) on the Gain slider is one begin/perform/end
#      gesture and the value follows; the screen is kept as a PNG.
# Wine runs in a prefix of its own under the build folder, and with its
# debugger off, so that a crash gives a non-zero exit instead of a dialog.
#
# Usage: windows_test.sh WINDOWS_BUILD LINUX_BUILD
# (build/windows and build/debug). Prints "  ok ..." or "  FAIL ..." per
# check; exits 1 on any failure.
set -uo pipefail

[[ $# -eq 2 ]] || {
    echo "usage: $0 WINDOWS_BUILD LINUX_BUILD" >&2
    exit 2
}
WINDOWS_BUILD="$(realpath "$1")"
LINUX_BUILD="$(realpath "$2")"
readonly WINDOWS_BUILD LINUX_BUILD
readonly WORK="$WINDOWS_BUILD/windows-test"
readonly HOST_EXE="$WINDOWS_BUILD/engine/host/vstkit-host.exe"
readonly LINUX_HOST="$LINUX_BUILD/engine/host/vstkit-host"
failures=0
ok() { echo "  ok $*"; }
fail() {
    echo "  FAIL $*"
    failures=$((failures + 1))
}
# shellcheck source=../../tools/windows_module.sh
source "$(dirname "$0")/../../tools/windows_module.sh"

export WINEPREFIX="$WINDOWS_BUILD/wine-prefix"
export WINEDEBUG=-all
# winedbg off: a crash ends the program with its exception code. Mono and
# Gecko off: the prefix would otherwise offer to download them.
export WINEDLLOVERRIDES="winedbg.exe=d;mscoree=d;mshtml=d"
# Wine reads Unix file names and arguments in the locale's character set.
export LC_ALL=C.UTF-8
readonly WINE=/usr/lib/wine/wine64
readonly WINESERVER=/usr/lib/wine/wineserver64

rm -rf "$WORK"
mkdir -p "$WORK"

# One X server for every Wine process: Wine's desktop process is started by
# the first of them and keeps the display it saw. Xvfb picks a free display
# itself and writes its number (-displayfd), so no other server is used.
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -screen 0 1024x640x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
xvfb=$!
display_number=""
read -r -t 10 -u "$display_fd" display_number || true
exec {display_fd}<&-
if [[ -z "$display_number" ]] || ! kill -0 "$xvfb" 2>/dev/null; then
    sed 's/^/    | /' "$WORK/xvfb.log"
    fail "Xvfb did not start"
    exit 1
fi
export DISPLAY=":$display_number"
stop_servers() {
    "$WINESERVER" -k 2>/dev/null
    kill "$xvfb" 2>/dev/null
    wait "$xvfb" 2>/dev/null
}
trap stop_servers EXIT

# win PATH : PATH as the Windows program sees it (Wine maps / to Z:).
win() { printf 'Z:%s' "${1//\//\\}"; }
# host ARGS... : vstkit-host.exe under Wine.
host() { "$WINE" "$HOST_EXE" "$@"; }
# rms_db WAV : the RMS level of a file in dBFS, as sox measures it.
rms_db() {
    sox "$1" -n stat 2>&1 | awk '/RMS *amplitude/ { if ($3 > 0) printf "%.3f", 20 * log($3) / log(10); else print "-inf" }'
}
# set_dpi N : the screen's dpi as Wine tells programs started after this
# (LogPixels); the stage runs at 96 except where it says otherwise.
set_dpi() {
    "$WINE" reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$1" /f >/dev/null 2>&1
}
# within VALUE TARGET TOLERANCE : |VALUE - TARGET| <= TOLERANCE.
within() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { exit !(v != "" && v - t <= d && t - v <= d) }'; }

# The plugins, from the windows build's own list: name and bundle path.
declare -A BUNDLES=()
NAMES=()
while IFS=$'\t' read -r name bundle folder _; do
    [[ -n "$name" ]] || continue
    NAMES+=("$name")
    BUNDLES[$name]="$WINDOWS_BUILD/$folder/$bundle.vst3"
    BUNDLES[$name:linux]="$LINUX_BUILD/$folder/$bundle.vst3"
    BUNDLES[$name:binary]="$WINDOWS_BUILD/$folder/$bundle.vst3/Contents/x86_64-win/$bundle.vst3"
done <"$WINDOWS_BUILD/vstkit-plugins.tsv"

echo "== 0. Wine's prefix ($WINEPREFIX)"
start=$SECONDS
if "$WINE" wineboot --init >"$WORK/wineboot.log" 2>&1 && [[ -d "$WINEPREFIX/drive_c/windows" ]]; then
    ok "a 64-bit Wine prefix in $((SECONDS - start)) s ($("$WINE" --version 2>/dev/null))"
    # 96 dpi, whatever a run stopped half-way left behind.
    set_dpi 96 || fail "cannot set Wine's dpi"
else
    tail -5 "$WORK/wineboot.log" | sed 's/^/    | /'
    fail "wineboot could not make the prefix"
    exit 1
fi

echo "== 1. imports and exports (objdump)"
for name in "${NAMES[@]}"; do
    binary="${BUNDLES[$name:binary]}"
    if [[ ! -f "$binary" ]]; then
        fail "$name: no Windows module at $binary"
        continue
    fi
    # check_windows_module calls fail (this script's) with the reason.
    before=$failures
    check_windows_module "$binary"
    ((failures == before)) &&
        ok "$name: imports $(windows_imports "$binary" | tr '\n' ' '); exports $(windows_exports "$binary" | tr '\n' ' ')"
done
foreign="$(windows_imports "$HOST_EXE" | grep -viE '^(KERNEL32|msvcrt|ole32|USER32|GDI32)\.dll$' || true)"
[[ -z "$foreign" ]] && ok "vstkit-host.exe imports system DLLs only" ||
    fail "vstkit-host.exe imports $foreign"

echo "== 1b. vstkit-host.exe's bad arguments: one line on stderr, exit 2"
for case in "info" "info Z:\\nonexistent.vst3" "frobnicate x" "test Z:\\nonexistent.vst3 --bogus" \
    "test Z:\\nonexistent.vst3 --drag-parameter Gain --await-drag 0" "render Z:\\nonexistent.vst3 --block" \
    "bench Z:\\nonexistent.vst3"; do
    read -r -a arguments <<<"$case"
    host "${arguments[@]}" >/dev/null 2>"$WORK/bad-arguments.err"
    status=$?
    lines="$(grep -c . "$WORK/bad-arguments.err")"
    if ((status == 2 && lines == 1)) && grep -q '^vstkit-host: ' "$WORK/bad-arguments.err"; then
        ok "vstkit-host.exe $case -> $(cat "$WORK/bad-arguments.err")"
    else
        fail "vstkit-host.exe $case: exit $status, $lines lines: $(head -c 300 "$WORK/bad-arguments.err")"
    fi
done

echo "== 2. the conformance suite on each Windows module"
for name in "${NAMES[@]}"; do
    log="$WORK/$name-conformance.log"
    drag=()
    if [[ "$name" == gain ]]; then
        # The Win32 editor's Gain row (the first) is centred 61 px down its
        # 124 px (header 44, rows 34, margin 12): see win32_metrics.h.
        drag=(--drag-parameter Gain --drag-height 0.49)
    fi
    "$WINE" "$HOST_EXE" test "$(win "${BUNDLES[$name]}")" \
        --output "$(win "$WORK/$name-conformance")" --expect-silence-flags "${drag[@]}" >"$log" 2>&1
    status=$?
    summary="$(grep -E '^[0-9]+ passed' "$log" | tail -n 1)"
    if ((status == 0)) && [[ "$summary" == *" 0 failed"* ]] && grep -q '^PASS  editor' "$log" &&
        grep -q '^SKIP  realtime    not checked on Windows' "$log"; then
        ok "$name: $summary (realtime: not checked on Windows)"
        grep -E '^PASS  (editor|state)' "$log" | sed 's/^/      /'
    else
        grep -E '^(FAIL|SKIP)' "$log" | sed 's/^/    | /'
        tail -3 "$log" | sed 's/^/    | /'
        fail "$name: the suite under Wine (exit $status): ${summary:-no summary}"
    fi
done

echo "== 3. the suite fails under Wine too (the fault fixture)"
fixture="$WINDOWS_BUILD/engine/host/VstKitHostFixture.vst3"
for case in "none:" "wrong-default:parameters" "crash-on-huge-state:bad-state" \
    "nan-in-1000-frame-blocks:blocks" "rings-flagged-silent:tail"; do
    fault="${case%%:*}" check="${case#*:}"
    log="$WORK/fixture-$fault.log"
    VSTKIT_FIXTURE_FAULT="$fault" host test "$(win "$fixture")" --output "$(win "$WORK/fixture-$fault")" \
        --no-editor >"$log" 2>&1
    status=$?
    failed="$(sed -nE 's/^FAIL  ([a-z-]+) .*/\1/p' "$log" | tr '\n' ' ')"
    if [[ -z "$check" ]]; then
        ((status == 0)) && [[ -z "$failed" ]] && ok "no fault: every check passes" ||
            fail "the fixture without a fault failed: $failed(exit $status)"
    elif ((status == 1)) && [[ "$failed" == "$check " ]]; then
        ok "$fault: only $check fails: $(sed -nE "s/^FAIL  $check +//p" "$log" | cut -c1-110)"
    else
        fail "$fault: expected only $check to fail, got '$failed' (exit $status)"
    fi
done

echo "== 4. renders under Wine, measured by sox"
sox -q -n -r 48000 -b 24 -c 2 "$WORK/sine-1k.wav" synth 2 sine 1000 gain -9
sox -q -n -r 48000 -b 24 -c 2 "$WORK/sine-4k.wav" synth 2 sine 4000 gain -9
if host render "$(win "${BUNDLES[gain]}")" --in "$(win "$WORK/sine-1k.wav")" \
    --out "$(win "$WORK/gain-6.wav")" --set gain=-6 --block 64 >"$WORK/render-gain.log" 2>&1; then
    change="$(awk -v a="$(rms_db "$WORK/sine-1k.wav")" -v b="$(rms_db "$WORK/gain-6.wav")" 'BEGIN { printf "%.3f", b - a }')"
    within "$change" -6 0.05 && ok "gain=-6: $change dB (-6.00 +/- 0.05)" ||
        fail "gain=-6 changed the level by $change dB"
else
    sed 's/^/    | /' "$WORK/render-gain.log"
    fail "vstkit-host.exe could not render the gain"
fi
if host render "$(win "${BUNDLES[filter]}")" --in "$(win "$WORK/sine-4k.wav")" \
    --out "$(win "$WORK/filter-lp.wav")" --set cutoff=1000 --set mode=Low-pass --block 64 \
    >"$WORK/render-filter.log" 2>&1; then
    down="$(awk -v a="$(rms_db "$WORK/sine-4k.wav")" -v b="$(rms_db "$WORK/filter-lp.wav")" 'BEGIN { printf "%.2f", a - b }')"
    awk -v d="$down" 'BEGIN { exit !(d >= 23) }' && ok "filter low-pass at 1 kHz: a 4 kHz tone $down dB down (>= 23)" ||
        fail "the filter's low-pass took a 4 kHz tone down by $down dB only"
else
    sed 's/^/    | /' "$WORK/render-filter.log"
    fail "vstkit-host.exe could not render the filter"
fi

echo "== 4b. paths beyond the ANSI code page (a user's folder named in Greek and Japanese)"
# Windows hands programs their arguments in UTF-16; a path through the C
# runtime's narrow main would lose every character outside the code page.
unicode_folder="$WORK/Plug-ins Ω été 音"
mkdir -p "$unicode_folder"
cp -R "${BUNDLES[gain]}" "$unicode_folder/"
cp "$WORK/sine-1k.wav" "$unicode_folder/in ♪.wav"
unicode_bundle="$unicode_folder/$(basename "${BUNDLES[gain]}")"
if host render "$(win "$unicode_bundle")" --in "$(win "$unicode_folder/in ♪.wav")" \
    --out "$(win "$unicode_folder/out ♪.wav")" --set gain=-6 \
    --save-state "$(win "$unicode_folder/state ♪.bin")" >"$WORK/render-unicode.log" 2>&1 &&
    [[ -s "$unicode_folder/state ♪.bin" ]]; then
    change="$(awk -v a="$(rms_db "$WORK/sine-1k.wav")" -v b="$(rms_db "$unicode_folder/out ♪.wav")" 'BEGIN { printf "%.3f", b - a }')"
    within "$change" -6 0.05 && ok "a bundle, input, output and state under '$(basename "$unicode_folder")': $change dB" ||
        fail "the render under '$(basename "$unicode_folder")' changed the level by $change dB"
else
    sed 's/^/    | /' "$WORK/render-unicode.log"
    fail "vstkit-host.exe could not render from '$(basename "$unicode_folder")'"
fi
if host info "$(win "$unicode_bundle")" >"$WORK/info-unicode.log" 2>&1 &&
    grep -qF "Plug-ins Ω été 音" "$WORK/info-unicode.log"; then
    ok "info names the bundle's folder in UTF-8: $(grep -m1 '^bundle' "$WORK/info-unicode.log" | sed 's/^bundle *//')"
else
    sed 's/^/    | /' "$WORK/info-unicode.log"
    fail "info did not name '$(basename "$unicode_folder")'"
fi

echo "== 5. state crosses systems"
if [[ ! -x "$LINUX_HOST" ]]; then
    fail "no Linux vstkit-host in $LINUX_HOST (the debug build comes first)"
else
    # Saved on Windows, loaded on Linux: the level says the value came along.
    host render "$(win "${BUNDLES[gain]}")" --in "$(win "$WORK/sine-1k.wav")" --out "$(win "$WORK/w.wav")" \
        --set gain=-9.5 --save-state "$(win "$WORK/gain-from-windows.bin")" >/dev/null 2>&1
    "$LINUX_HOST" render "${BUNDLES[gain:linux]}" --in "$WORK/sine-1k.wav" --out "$WORK/l.wav" \
        --state "$WORK/gain-from-windows.bin" >/dev/null 2>&1
    change="$(awk -v a="$(rms_db "$WORK/sine-1k.wav")" -v b="$(rms_db "$WORK/l.wav")" 'BEGIN { printf "%.3f", b - a }')"
    within "$change" -9.5 0.05 && ok "gain -9.5 dB saved on Windows plays at $change dB on Linux" ||
        fail "a Windows state of gain -9.5 dB played at $change dB on Linux"
    # Saved on Linux, loaded on Windows.
    "$LINUX_HOST" render "${BUNDLES[gain:linux]}" --in "$WORK/sine-1k.wav" --out "$WORK/l.wav" \
        --set gain=-3.5 --save-state "$WORK/gain-from-linux.bin" >/dev/null 2>&1
    host render "$(win "${BUNDLES[gain]}")" --in "$(win "$WORK/sine-1k.wav")" --out "$(win "$WORK/w.wav")" \
        --state "$(win "$WORK/gain-from-linux.bin")" >/dev/null 2>&1
    change="$(awk -v a="$(rms_db "$WORK/sine-1k.wav")" -v b="$(rms_db "$WORK/w.wav")" 'BEGIN { printf "%.3f", b - a }')"
    within "$change" -3.5 0.05 && ok "gain -3.5 dB saved on Linux plays at $change dB on Windows" ||
        fail "a Linux state of gain -3.5 dB played at $change dB on Windows"
    # Every value of the filter: the two systems write the same bytes, and
    # each renders the other's state as its own.
    settings=(--set cutoff=2500 --set mode=High-pass --set resonance=0.9)
    host render "$(win "${BUNDLES[filter]}")" --in "$(win "$WORK/sine-4k.wav")" --out "$(win "$WORK/fw.wav")" \
        "${settings[@]}" --save-state "$(win "$WORK/filter-from-windows.bin")" >"$WORK/filter-state-w.log" 2>&1
    "$LINUX_HOST" render "${BUNDLES[filter:linux]}" --in "$WORK/sine-4k.wav" --out "$WORK/fl.wav" \
        "${settings[@]}" --save-state "$WORK/filter-from-linux.bin" >"$WORK/filter-state-l.log" 2>&1
    if [[ -s "$WORK/filter-from-windows.bin" ]] && cmp -s "$WORK/filter-from-windows.bin" "$WORK/filter-from-linux.bin"; then
        ok "the filter's state (cutoff, mode, resonance) is the same $(stat -c %s "$WORK/filter-from-linux.bin") bytes on both systems"
    else
        sed 's/^/    | /' "$WORK/filter-state-w.log" "$WORK/filter-state-l.log"
        fail "the filter's state differs between Windows and Linux"
    fi
    "$LINUX_HOST" render "${BUNDLES[filter:linux]}" --in "$WORK/sine-4k.wav" --out "$WORK/fl-from-w.wav" \
        --state "$WORK/filter-from-windows.bin" >/dev/null 2>&1
    difference="$(sox -m -v 1 "$WORK/fl.wav" -v -1 "$WORK/fl-from-w.wav" -n stat 2>&1 | awk '/Maximum amplitude/ { print $3 }')"
    awk -v d="$difference" 'BEGIN { exit !(d != "" && d < 1e-6) }' &&
        ok "the Linux filter with the Windows state renders as with its own settings (largest difference $difference)" ||
        fail "the Linux filter with the Windows state renders differently (largest difference '$difference')"
fi

echo "== 6. the Win32 editor under Xvfb: its own test, an XTest drag, and a screenshot"
if "$WINE" "$WINDOWS_BUILD/engine/ui/vstkit_ui_win32_tests.exe" >"$WORK/ui-win32.log" 2>&1; then
    ok "the editor's own test: $(tail -n 1 "$WORK/ui-win32.log") (typed values, drag, check box, list, host values, scale, scrolling, Tab)"
else
    grep -E 'FAIL' "$WORK/ui-win32.log" | sed 's/^/    | /'
    fail "the editor's own test: $(tail -n 1 "$WORK/ui-win32.log")"
fi
# As on a 150 % screen: the host gives no content scale, Windows says 144 dpi.
if set_dpi 144 && "$WINE" "$WINDOWS_BUILD/engine/ui/vstkit_ui_win32_tests.exe" --dpi 144 \
    >"$WORK/ui-win32-dpi.log" 2>&1; then
    ok "at 144 dpi: $(grep -oE 'opens at [0-9x]+ \(natural [0-9x]+\)' "$WORK/ui-win32-dpi.log"), host asked for that size, $(grep -oE 'text is .*' "$WORK/ui-win32-dpi.log")"
else
    sed 's/^/    | /' "$WORK/ui-win32-dpi.log"
    fail "the editor at 144 dpi"
fi
set_dpi 96 || fail "cannot set Wine's dpi back to 96"
skips=()
for check in factory parameters state bad-state lifecycle blocks automation bad-input tail realtime; do
    skips+=(--skip "$check")
done
host test "$(win "${BUNDLES[gain]}")" --output "$(win "$WORK/editor-xtest")" \
    --drag-parameter Gain --drag-height 0.49 --await-drag 60 "${skips[@]}" \
    >"$WORK/editor-xtest.log" 2>"$WORK/editor-xtest.err" &
tester=$!
for _ in $(seq 1 300); do
    grep -q 'waiting' "$WORK/editor-xtest.err" 2>/dev/null && break
    sleep 0.2
done
read -r from_x from_y to_x _ < <(sed -nE 's/.*from ([0-9]+),([0-9]+) to ([0-9]+),([0-9]+).*/\1 \2 \3 \4/p' "$WORK/editor-xtest.err")
if [[ -n "${from_x:-}" ]]; then
    # A person's drag: press on the slider, move left in steps, release.
    xdotool mousemove "$from_x" "$from_y" sleep 0.2 mousedown 1
    for step in 1 2 3 4 5 6 7 8; do
        xdotool mousemove "$((from_x + (to_x - from_x) * step / 8))" "$from_y" sleep 0.05
    done
    xdotool mouseup 1
    for _ in $(seq 1 50); do
        grep -q 'holding' "$WORK/editor-xtest.err" && break
        sleep 0.1
    done
    sleep 0.5
    import -window root "$WORK/editor-xtest-screen.png"
fi
wait "$tester"
status=$?
if ((status == 0)) && grep -q '^PASS  editor .*an outside drag gave 1 begin' "$WORK/editor-xtest.log"; then
    ok "XTest drag on the Win32 editor: $(sed -nE 's/^PASS  editor +//p' "$WORK/editor-xtest.log" | grep -oE 'an outside drag[^;]*')"
else
    sed 's/^/    | /' "$WORK/editor-xtest.log" "$WORK/editor-xtest.err"
    fail "the XTest drag on the Win32 editor (exit $status)"
fi
colours="$(identify -format '%k' "$WORK/editor-xtest-screen.png" 2>/dev/null || echo 0)"
if ((colours > 8)); then
    ok "screenshot: $WORK/editor-xtest-screen.png ($colours colours)"
else
    fail "the screenshot after the drag shows nothing ($colours colours)"
fi

if ((failures == 0)); then
    echo "windows: all checks passed"
else
    echo "windows: $failures checks failed; files kept in $WORK"
fi
((failures == 0))
