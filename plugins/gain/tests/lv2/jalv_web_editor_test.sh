#!/usr/bin/env bash
# The gain's LV2 web editor in jalv.gtk3, a GTK 3 LV2 host, on a JACK 2
# server with the dummy driver, under xvfb-run: the editor starts its
# helper (vstkit-webview) as jalv's child, the page shows in jalv's window
# (a screenshot with the page's own colours), and closing jalv ends the
# helper and WebKit's processes.
# Usage: jalv_web_editor_test.sh LV2_BUNDLE OUT_DIR
set -euo pipefail
bundle="$(cd "$1" && pwd)"
out="$2"
work="$(mktemp -d)"
mkdir -p "$out"
export JACK_DEFAULT_SERVER="vstkit-jalv-$$"
jackd_pid=""
jalv_pid=""
cleanup() {
    [[ -n "$jalv_pid" ]] && kill "$jalv_pid" 2>/dev/null || true
    [[ -n "$jackd_pid" ]] && kill "$jackd_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for log in jalv.log jackd.log; do
        [[ -f "$work/$log" ]] && { echo "--- $log"; tail -20 "$work/$log"; }
    done
    exit 1
}

jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 64 >"$work/jackd.log" 2>&1 </dev/null &
jackd_pid=$!
jack_wait -s "$JACK_DEFAULT_SERVER" -w -t 10 >/dev/null || fail "jackd did not start"

# Only this bundle on the LV2 path (and the sanitizer runtime preloaded in
# a sanitizer build).
# shellcheck source=../../../../engine/formats/lv2/tests/lv2_host_environment.sh
source "$(dirname "$0")/../../../../engine/formats/lv2/tests/lv2_host_environment.sh"
use_lv2_bundle "$bundle" "$work"
# jalv.gtk3 with the sanitizer runtime preloaded (the only way to load an
# instrumented bundle into it) starts no UI and prints nothing: the web
# editor is tested in the sanitizer builds by gain.web_editor instead.
if [[ -n "${LD_PRELOAD:-}" ]]; then
    echo "SKIP: jalv.gtk3 does not start with the sanitizer runtime preloaded"
    exit 77
fi
jalv.gtk3 https://vstkit.dev/plugins/vstkit-gain >"$work/jalv.log" 2>&1 </dev/null &
jalv_pid=$!

helper=""
for _ in $(seq 1 100); do
    helper="$(pgrep -P "$jalv_pid" -x vstkit-webview || true)"
    [[ -n "$helper" ]] && break
    sleep 0.1
done
[[ -n "$helper" ]] || fail "jalv.gtk3 did not start the editor's helper"
# The page's first paint, then the screen.
sleep 4
import -window root "$out/jalv-web-editor.png"
kill -0 "$jalv_pid" 2>/dev/null || fail "jalv.gtk3 exited"
# The page's background and the slider's teal, each over many pixels.
histogram="$(convert "$out/jalv-web-editor.png" -format %c histogram:info:-)"
background="$(grep -i '#17191C' <<<"$histogram" | awk '{print $1+0}' | head -1)"
# Teal: green and blue well above red (the slider's fill is a gradient).
teal="$(sed -nE 's/^ *([0-9]+): \(([0-9]+),([0-9]+),([0-9]+).*/\1 \2 \3 \4/p' <<<"$histogram" |
    awk '$3 - $2 > 40 && $4 - $2 > 40 {s += $1} END {print s + 0}')"
echo "page background pixels: ${background:-0}, slider pixels: $teal"
((${background:-0} > 20000)) || fail "the page's background is not on screen ($out/jalv-web-editor.png)"
((teal > 100)) || fail "the gain slider is not on screen ($out/jalv-web-editor.png)"

kill "$jalv_pid"
wait "$jalv_pid" 2>/dev/null || true
jalv_pid=""
for _ in $(seq 1 40); do
    kill -0 "$helper" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$helper" 2>/dev/null && fail "the helper outlived jalv.gtk3"
echo "PASS: the web editor showed in jalv.gtk3 and ended with it"
