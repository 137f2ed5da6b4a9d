# The browser dev loop, shared by `./vstkit dev` and a project's `./plugin dev`
# (an installed kit carries this file in share/vstkit/). Sourced, not run: the
# caller defines say MESSAGE and fail MESSAGE (which exits) and calls
#
#   dev_session ENGINE UI_DIR WATCH_DIR STATE_DIR INPUT REBUILD_COMMAND...
#
# ENGINE is the plugin's standalone app, UI_DIR its page (Vite), WATCH_DIR the
# folder whose C++ (plugin.h and the processor) is watched, STATE_DIR where
# the engine keeps its values between restarts, INPUT what it plays (tone,
# noise, a WAV file, or "device" for the sound card), and REBUILD_COMMAND
# rebuilds ENGINE. Prints one address to open, rebuilds and restarts the
# engine when the C++ changes (the page reconnects and its values come back),
# and stops everything it started on Ctrl-C.

# free_port FIRST : the first TCP port from FIRST on that nothing listens on.
dev_free_port() {
    local port="$1"
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    printf '%s' "$port"
}

# The newest modification time (seconds, with fraction) of the watched C++.
dev_sources_stamp() {
    find "$1" -path "$1/ui" -prune -o -path "$1/build" -prune -o -type f \
        \( -name '*.h' -o -name '*.hpp' -o -name '*.cpp' \) -printf '%T@\n' 2>/dev/null |
        sort -n | tail -n 1 || true  # an unreadable folder must not end the session (set -e)
}

dev_start_engine() {
    local log="$DEV_STATE_DIR/engine.log"
    local input_args=(--input "$DEV_INPUT")
    [[ "$DEV_INPUT" == device ]] && input_args=()
    # 256-frame blocks: a dev machine busy with a browser and a compiler does
    # not make the 64-frame null output report xruns that are not the plugin's.
    [[ "$DEV_INPUT" == device ]] || input_args+=(--buffer 256)
    XDG_CONFIG_HOME="$DEV_STATE_DIR" "$DEV_ENGINE" --no-window "${input_args[@]}" \
        --ws-port "$DEV_WS_PORT" --ws-token "$DEV_TOKEN" \
        --ws-origin "http://127.0.0.1:$DEV_VITE_PORT" --ws-origin "http://localhost:$DEV_VITE_PORT" \
        >"$log" 2>&1 &
    DEV_ENGINE_PID=$!
    local waited
    for waited in $(seq 1 100); do
        grep -q 'bridge on ws://' "$log" && return 0
        kill -0 "$DEV_ENGINE_PID" 2>/dev/null || break
        sleep 0.1
    done
    sed 's/^/    | /' "$log" >&2
    return 1
}

dev_stop_engine() {
    [[ -n "${DEV_ENGINE_PID:-}" ]] || return 0
    # SIGTERM: the engine stops its audio and writes its values.
    kill -TERM "$DEV_ENGINE_PID" 2>/dev/null || true
    wait "$DEV_ENGINE_PID" 2>/dev/null || true
    DEV_ENGINE_PID=""
}

dev_cleanup() {
    trap - INT TERM EXIT
    dev_stop_engine
    if [[ -n "${DEV_VITE_PID:-}" ]]; then
        kill -TERM -- "-$DEV_VITE_PID" 2>/dev/null || kill -TERM "$DEV_VITE_PID" 2>/dev/null || true
        wait "$DEV_VITE_PID" 2>/dev/null || true
    fi
    printf '\n'
    say "dev session ended"
}

dev_session() {
    DEV_ENGINE="$1" DEV_UI_DIR="$2"
    local watch_dir="$3"
    DEV_STATE_DIR="$4" DEV_INPUT="$5"
    shift 5
    local rebuild=("$@")
    [[ -x "$DEV_ENGINE" ]] || fail "no engine at $DEV_ENGINE (did the build fail?)"
    [[ -f "$DEV_UI_DIR/package.json" ]] || fail "no web page in $DEV_UI_DIR (a plugin made with --ui web has one)"
    mkdir -p "$DEV_STATE_DIR"
    DEV_TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    DEV_VITE_PORT=$(dev_free_port "${VSTKIT_DEV_PORT:-5173}")
    DEV_WS_PORT=$(dev_free_port "${VSTKIT_DEV_WS_PORT:-9300}")
    trap dev_cleanup EXIT
    trap 'exit 130' INT TERM

    dev_start_engine || fail "the engine did not start (log above)"
    # Its own process group, so Ctrl-C's cleanup ends Vite and esbuild together.
    (cd "$DEV_UI_DIR" && exec setsid npx --no-install vite --host 127.0.0.1 --port "$DEV_VITE_PORT" \
        --strictPort --clearScreen false >"$DEV_STATE_DIR/vite.log" 2>&1) &
    DEV_VITE_PID=$!
    local waited
    for waited in $(seq 1 150); do
        (echo >"/dev/tcp/127.0.0.1/$DEV_VITE_PORT") 2>/dev/null && break
        kill -0 "$DEV_VITE_PID" 2>/dev/null || { sed 's/^/    | /' "$DEV_STATE_DIR/vite.log" >&2; fail "Vite did not start"; }
        sleep 0.1
    done
    grep -m1 -E 'no device|in "' "$DEV_STATE_DIR/engine.log" | sed 's/^/    /' || true
    DEV_URL="http://127.0.0.1:$DEV_VITE_PORT/?ws=ws://127.0.0.1:$DEV_WS_PORT/&token=$DEV_TOKEN"
    printf '\n    Open %s\n\n' "$DEV_URL"
    say "editing the page reloads it in place; saving the C++ in $watch_dir rebuilds and restarts the engine. Ctrl-C stops."

    local stamp
    stamp=$(dev_sources_stamp "$watch_dir")
    while sleep 0.3; do
        if ! kill -0 "$DEV_ENGINE_PID" 2>/dev/null; then
            say "the engine stopped (log: $DEV_STATE_DIR/engine.log); starting it again"
            dev_start_engine || fail "the engine did not start again"
        fi
        local now
        now=$(dev_sources_stamp "$watch_dir")
        [[ "$now" == "$stamp" ]] && continue
        stamp="$now"
        say "the C++ changed: rebuilding"
        if ! "${rebuild[@]}"; then
            say "the build failed; the running engine stays as it was (fix and save again)"
            continue
        fi
        dev_stop_engine
        dev_start_engine || fail "the rebuilt engine did not start (log above)"
        local saved_at sounding_at
        saved_at="$stamp"
        sounding_at=$(date +%s.%N)
        say "$(awk -v a="$saved_at" -v b="$sounding_at" 'BEGIN { printf "sound again %.1f s after the save", b - a }')"
        stamp=$(dev_sources_stamp "$watch_dir")
    done
}
