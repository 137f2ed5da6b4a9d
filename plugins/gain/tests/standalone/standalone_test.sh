#!/usr/bin/env bash
# The standalone app as people run it: refused options, a real JACK 2 server
# (dummy driver) with a tone client measuring the gain, values remembered
# between runs, and the window under xvfb-run.
#
#   standalone_test.sh CASE APP TONE_CLIENT WINDOW_USER
#
# CASE: bad-options, list-devices, jack-gain, remembered-values,
# corrupt-state, window, window-edit, window-close, window-resize, no-display.
set -euo pipefail

case_name="$1"
app="$2"
tone_client="$3"
window_user="$4"
app_name="$(basename "$app")"

# The window cases run again inside xvfb-run, which gives them a display.
case "$case_name" in
window | window-edit | window-close | window-resize)
    exec xvfb-run -a -s "-screen 0 1280x800x24" \
        bash "$0" "$case_name-on-xvfb" "$app" "$tone_client" "$window_user"
    ;;
esac

work="$(mktemp -d)"
export XDG_CONFIG_HOME="$work/config"
# A server of our own: tests run in parallel, and a person may run JACK too.
export JACK_DEFAULT_SERVER="vstkit-test-$$"
state_file="$XDG_CONFIG_HOME/vstkit/$app_name.state"
app_pid=""
tone_pid=""
jackd_pid=""

# shellcheck disable=SC2317 # called through the EXIT trap
stop_process() {
    local pid="$1"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317 # called through the EXIT trap
cleanup() {
    # The clients first, then the server they use.
    stop_process "$app_pid"
    stop_process "$tone_pid"
    stop_process "$jackd_pid"
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL ($case_name): $*" >&2
    local log
    for log in app.out app.err tone.err jackd.log; do
        [[ -s "$work/$log" ]] && sed "s/^/  $log: /" "$work/$log" | tail -20 >&2
    done
    exit 1
}

# The web editor's page paints from its helper process about a second after
# the window opens: wait until the screen shows its slider's teal fill.
wait_for_page() {
    local tries teal
    for ((tries = 0; tries < 75; tries++)); do
        import -window root "$work/page.png"
        teal="$(convert "$work/page.png" -format %c histogram:info:- |
            sed -nE 's/^ *([0-9]+): \(([0-9]+),([0-9]+),([0-9]+).*/\1 \2 \3 \4/p' |
            awk '$3 - $2 > 40 && $4 - $2 > 40 {s += $1} END {print s + 0}')"
        ((teal > 100)) && return 0
        sleep 0.2
    done
    fail "the editor's page never showed its slider"
}

start_jackd() {
    jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 64 \
        >"$work/jackd.log" 2>&1 </dev/null &
    jackd_pid=$!
    jack_wait -s "$JACK_DEFAULT_SERVER" -w -t 10 >/dev/null || fail "jackd did not start"
}

# start_app ARGS...: the app in the background, its output in app.out/app.err.
start_app() {
    "$app" "$@" >"$work/app.out" 2>"$work/app.err" </dev/null &
    app_pid=$!
}

# The line the app prints once its audio runs.
wait_for_start_line() {
    local tries
    for ((tries = 0; tries < 200; tries++)); do
        grep -q "^$app_name: jack, " "$work/app.out" 2>/dev/null && return 0
        kill -0 "$app_pid" 2>/dev/null || fail "the app exited before its audio started"
        sleep 0.05
    done
    fail "no start line within 10 s"
}

# wait_for_app_exit: the app's exit code in app_status; fails after 10 s.
wait_for_app_exit() {
    local tries
    for ((tries = 0; tries < 200; tries++)); do
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit within 10 s"
    app_status=0
    wait "$app_pid" || app_status=$?
    app_pid=""
}

# A clean exit: code 0 and the xrun summary as the last line.
expect_clean_exit() {
    ((app_status == 0)) || fail "the app exited with $app_status, expected 0"
    tail -n 1 "$work/app.out" | grep -qE '^xruns: [0-9]+$' || fail "no 'xruns: N' line at exit"
}

stop_app() {
    kill -TERM "$app_pid"
    wait_for_app_exit
    expect_clean_exit
}

# run_briefly ARGS...: starts the app, waits for its audio, then SIGTERM.
run_briefly() {
    start_app "$@"
    wait_for_start_line
    stop_app
}

# start_tone_client SETTLE_MS: the JACK client the app plays through, named
# vstkit-tone; it records SETTLE_MS after the app connects to it.
start_tone_client() {
    "$tone_client" vstkit-tone 20 "$1" >"$work/tone.out" 2>"$work/tone.err" </dev/null &
    tone_pid=$!
    local tries
    for ((tries = 0; tries < 100; tries++)); do
        jack_lsp 2>/dev/null | grep -q '^vstkit-tone:in_2$' && return 0
        sleep 0.05
    done
    fail "the tone client's ports did not appear"
}

# expect_measured DB: the tone client's measurement, within 0.05 dB of DB on
# both sides; sets left and right.
expect_measured() {
    local tone_status=0
    wait "$tone_pid" || tone_status=$?
    tone_pid=""
    ((tone_status == 0)) || fail "the tone client failed"
    read -r _ left _ _ right _ <"$work/tone.out"
    awk -v l="$left" -v r="$right" -v e="$1" \
        'BEGIN { d = 0.05; exit !(l - e <= d && e - l <= d && r - e <= d && e - r <= d) }' ||
        fail "measured left $left dB, right $right dB; expected $1 +- 0.05 dB"
}

start_line() {
    grep "^$app_name: jack, " "$work/app.out"
}

# Lines on stderr other than xrun reports (a dummy-driver JACK server may xrun).
other_stderr_lines() {
    grep -v -E "^$app_name: ([0-9]+ )?xruns? \([0-9]+ so far\)$" "$work/app.err" || true
}

# expect_refused ARGS...: exit code 2, one line on stderr, nothing on stdout.
expect_refused() {
    local status=0
    "$app" "$@" >"$work/app.out" 2>"$work/app.err" </dev/null || status=$?
    ((status == 2)) || fail "'$*' exited with $status, expected 2"
    local lines
    lines=$(wc -l <"$work/app.err")
    ((lines == 1)) || fail "'$*' printed $lines lines on stderr, expected 1"
    grep -q "^$app_name: " "$work/app.err" || fail "'$*': the line does not start with '$app_name: '"
    [[ ! -s "$work/app.out" ]] || fail "'$*' printed on stdout"
    echo "refused: $* -> $(cat "$work/app.err")"
}

case "$case_name" in
bad-options)
    expect_refused --bogus
    expect_refused --rate
    expect_refused --rate 48k
    expect_refused --buffer 0
    expect_refused --no-window=1
    expect_refused --set volume=3
    expect_refused --set gain=loud
    expect_refused --set gain
    expect_refused --set bypass=maybe
    expect_refused --api beos
    expect_refused --no-window --device "No Such Device"
    expect_refused --no-window --api jack # No server runs yet.
    start_jackd
    expect_refused --no-window --api jack --device nowhere
    expect_refused --no-window --api jack --rate 44100 # The server runs at 48000.
    [[ ! -e "$state_file" ]] || fail "a refused run wrote $state_file"
    ;;

list-devices)
    start_jackd
    "$app" --list-devices >"$work/app.out" 2>"$work/app.err" || fail "--list-devices failed"
    grep -q '^jack (Jack):$' "$work/app.out" || fail "--list-devices shows no jack section"
    grep -q '^  "system"  in 2, out 2, rates 48000  (default)$' "$work/app.out" ||
        fail "--list-devices does not show JACK's system device"
    "$app" --help >"$work/app.out" 2>"$work/app.err" || fail "--help failed"
    grep -q "^Usage: $app_name " "$work/app.out" || fail "--help shows no usage"
    cat "$work/app.out"
    ;;

jack-gain)
    start_jackd
    start_tone_client 500
    start_app --no-window --api jack --device vstkit-tone --set gain=-6
    expect_measured -6
    expected="$app_name: jack, in \"vstkit-tone\" (2 ch), out \"vstkit-tone\" (2 ch), 48000 Hz, 64 frames; Gain -6.0 dB, Bypass Off"
    [[ "$(start_line)" == "$expected" ]] || fail "start line '$(start_line)', expected '$expected'"
    stop_app
    echo "measured: left $left dB, right $right dB through JACK; $(tail -n 1 "$work/app.out")"
    ;;

remembered-values)
    start_jackd
    run_briefly --no-window --api jack --set gain=-6
    [[ -s "$state_file" ]] || fail "no $state_file after a clean exit"
    run_briefly --no-window --api jack
    start_line | grep -q '; Gain -6.0 dB, Bypass Off$' || fail "the second run starts at '$(start_line)'"
    run_briefly --no-window --api jack --set gain=3 --set bypass=on
    start_line | grep -q '; Gain 3.0 dB, Bypass On$' || fail "--set did not override: '$(start_line)'"
    run_briefly --no-window --api jack
    start_line | grep -q '; Gain 3.0 dB, Bypass On$' || fail "the override was not remembered"
    [[ -z "$(other_stderr_lines)" ]] || fail "unexpected stderr: $(other_stderr_lines)"
    echo "remembered: $(start_line)"
    ;;

corrupt-state)
    start_jackd
    mkdir -p "$(dirname "$state_file")"
    printf 'VSTK\001\000\000\000garbage' >"$state_file"
    run_briefly --no-window --api jack
    warnings="$(other_stderr_lines)"
    [[ "$(printf '%s\n' "$warnings" | wc -l)" == 1 ]] || fail "expected one warning, got: $warnings"
    [[ "$warnings" == "$app_name: ignoring the remembered values in $state_file ("*"); using the defaults" ]] ||
        fail "unexpected warning: $warnings"
    start_line | grep -q '; Gain 0.0 dB, Bypass Off$' || fail "not the defaults: '$(start_line)'"
    # The exit wrote a good file over the corrupt one.
    run_briefly --no-window --api jack
    [[ -z "$(other_stderr_lines)" ]] || fail "the rewritten file still warns: $(other_stderr_lines)"
    echo "corrupt file: $warnings"
    ;;

window-on-xvfb)
    start_jackd
    start_app --api jack
    wait_for_start_line
    tree="$(xwininfo -root -tree)"
    grep -qE "^ +0x[0-9a-f]+ \"$app_name\": \(\"$app_name\" \"$app_name\"\)" <<<"$tree" ||
        fail "no top-level window titled $app_name in: $tree"
    window_info="$(xwininfo -name "$app_name" -children)"
    grep -q '1 child:' <<<"$window_info" || fail "the window holds no editor: $window_info"
    # The editor draws text and a slider: an empty window has one or two
    # colours. Its first frame may take a moment (GLX on Xvfb renders in software).
    for ((tries = 0; tries < 50; tries++)); do
        import -window root "$work/screen.png"
        colours="$(identify -format %k "$work/screen.png")"
        ((colours >= 16)) && break
        sleep 0.2
    done
    ((colours >= 16)) || fail "the screen shows $colours colours: the editor drew nothing"
    cp "$work/screen.png" "$PWD/standalone-window.png"
    stop_app
    echo "window: $(grep -E "\"$app_name\": \(" <<<"$tree" | head -n 1 | sed 's/^ *//'), $colours colours on screen ($PWD/standalone-window.png)"
    ;;

window-edit-on-xvfb)
    # A click in the window reaches the audio: the web editor's Bypass switch
    # (at 307, 175 in its 460x240 page) bypasses -6 dB. The tone client
    # records after 8 s: time for the page to paint and the click to land.
    start_jackd
    start_tone_client 8000
    start_app --api jack --device vstkit-tone --set gain=-6
    wait_for_start_line
    wait_for_page
    "$window_user" "$app_name" click 307 175 || fail "could not click in the window"
    expect_measured 0
    stop_app
    start_app --no-window --api jack
    wait_for_start_line
    start_line | grep -q '; Gain -6.0 dB, Bypass On$' || fail "the click was not remembered: '$(start_line)'"
    stop_app
    echo "clicked Bypass in the window: measured left $left dB, right $right dB; next run: $(start_line)"
    ;;

window-resize-on-xvfb)
    # The user resizes the window: the editor follows down to its minimum
    # (276x144 at scale 1, 60 % of the web page's 460x240) and keeps its size below it.
    start_jackd
    start_app --api jack
    wait_for_start_line
    sleep 0.5
    "$window_user" "$app_name" resize 900 400 || fail "could not resize the window"
    sleep 0.5
    size=$("$window_user" "$app_name" child-size) || fail "no editor inside the window"
    [[ "$size" == "900 400" ]] || fail "after a resize to 900x400 the editor is $size"
    "$window_user" "$app_name" resize 200 100 || fail "could not resize the window"
    sleep 0.5
    small=$("$window_user" "$app_name" child-size) || fail "no editor inside the window"
    [[ "$small" == "900 400" ]] || fail "below its minimum the editor became $small"
    stop_app
    echo "resized: the editor followed to $size and kept it at 200x100, below its minimum"
    ;;

window-close-on-xvfb)
    start_jackd
    start_app --api jack --set gain=-3
    wait_for_start_line
    "$window_user" "$app_name" close || fail "could not ask the window to close"
    wait_for_app_exit
    expect_clean_exit
    [[ -s "$state_file" ]] || fail "closing the window did not remember the values"
    echo "closed by the window manager's message: exit $app_status, $(tail -n 1 "$work/app.out")"
    ;;

no-display)
    start_jackd
    local_status=0
    env -u DISPLAY "$app" --api jack >"$work/app.out" 2>"$work/app.err" </dev/null || local_status=$?
    ((local_status == 2)) || fail "exited with $local_status without a display, expected 2"
    [[ "$(wc -l <"$work/app.err")" == 1 ]] || fail "expected one line on stderr"
    grep -q -- '--no-window' "$work/app.err" || fail "the line does not suggest --no-window"
    echo "no display: $(cat "$work/app.err")"
    ;;

*)
    fail "unknown case"
    ;;
esac
