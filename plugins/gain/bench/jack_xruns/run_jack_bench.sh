# shellcheck shell=bash
# Sourced by ./vstkit: "no dropouts at a 64-frame buffer", measured on a real
# JACK 2 server. Needs jackd2 and python3.
#
# run_jack_bench BUILD_DIR OUT_DIR [SECONDS]
#
# Starts a private JACK server (dummy driver, 48 kHz, 64 frames, real-time
# scheduling when the system allows it), then counts the server's xruns with
# vstkit_jack_xruns for SECONDS (default 60) in each of four phases:
#   idle         the server alone;
#   passthrough  a client that only copies its input to its output: the
#                control, what any client suffers on this machine;
#   standalone   the standalone app (BUILD_DIR/plugins/gain/VstKit --no-window
#                --api jack) playing;
#   cores        100 plugin cores in series in the counter's own process
#                callback, each with a new gain target every block.
# The dummy driver is a timer: when the machine wakes it late it reports an
# xrun although no client was slow. jackd's log tells the two apart, so each
# phase also counts late wake-ups and "client was not finished" lines (a
# client's cycle that ended too late). Writes OUT_DIR/jack.json and prints one
# summary line. Returns non-zero if something could not run; xruns are
# reported, not judged.
run_jack_bench() {
    local build="$1" out="$2" seconds="${3:-60}"
    local app="$build/plugins/gain/VstKit"
    local counter="$build/plugins/gain/bench/jack_xruns/vstkit_jack_xruns"
    local tool
    for tool in "$app" "$counter"; do
        [[ -x "$tool" ]] || {
            echo "run_jack_bench: $tool is not built" >&2
            return 1
        }
    done
    mkdir -p "$out"
    # A subshell: its traps, server name and settings folder stay its own.
    (
        set -euo pipefail
        work="$(mktemp -d)"
        # Never the user's remembered values, nor the user's JACK server.
        export XDG_CONFIG_HOME="$work/config"
        export JACK_DEFAULT_SERVER="vstkit-bench-$$"
        jackd_pid=""
        app_pid=""
        # shellcheck disable=SC2317 # called through the EXIT trap
        cleanup() {
            local pid
            for pid in "$app_pid" "$jackd_pid"; do
                [[ -n "$pid" ]] || continue
                kill -TERM "$pid" 2>/dev/null || true
                wait "$pid" 2>/dev/null || true
            done
            rm -rf "$work"
        }
        trap cleanup EXIT

        # start_jackd OPTION...: true once the server answers.
        start_jackd() {
            jackd "$@" -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 64 \
                >"$work/jackd.log" 2>&1 </dev/null &
            jackd_pid=$!
            if jack_wait -s "$JACK_DEFAULT_SERVER" -w -t 5 >/dev/null 2>&1 &&
                kill -0 "$jackd_pid" 2>/dev/null; then
                return 0
            fi
            kill -TERM "$jackd_pid" 2>/dev/null || true
            wait "$jackd_pid" 2>/dev/null || true
            jackd_pid=""
            return 1
        }

        # measure PHASE COUNTER_OPTION...: the counter's JSON in PHASE.json,
        # the server's log lines of that time in PHASE.log.
        measure() {
            local phase="$1"
            shift
            local from
            from=$(($(wc -l <"$work/jackd.log") + 1))
            "$counter" --seconds "$seconds" "$@" >"$work/$phase.json"
            tail -n "+$from" "$work/jackd.log" >"$work/$phase.log"
        }

        realtime=true
        if ! start_jackd --realtime; then
            realtime=false
            start_jackd --no-realtime || {
                echo "run_jack_bench: jackd did not start: $(tail -n 3 "$work/jackd.log")" >&2
                exit 1
            }
        fi
        echo "==> JACK dummy 48 kHz / 64 frames (real-time: $realtime), $seconds s per phase"

        echo "==> idle: the server alone"
        measure idle --name vstkit-bench-counter
        echo "==> passthrough: a client that copies input to output"
        measure passthrough --cores 0 --name vstkit-bench-passthrough

        echo "==> standalone: the app playing"
        "$app" --no-window --api jack >"$work/app.out" 2>"$work/app.err" </dev/null &
        app_pid=$!
        tries=0
        until grep -qs ': jack, ' "$work/app.out"; do
            if ! kill -0 "$app_pid" 2>/dev/null || ((tries++ > 200)); then
                echo "run_jack_bench: the app did not start: $(cat "$work/app.err")" >&2
                exit 1
            fi
            sleep 0.05
        done
        measure standalone --name vstkit-bench-counter
        kill -TERM "$app_pid"
        app_status=0
        wait "$app_pid" || app_status=$?
        app_pid=""
        ((app_status == 0)) || {
            echo "run_jack_bench: the app exited with $app_status: $(cat "$work/app.err")" >&2
            exit 1
        }

        echo "==> cores: 100 plugin cores in series in one JACK client"
        measure cores --cores 100 --name vstkit-bench-cores

        python3 - "$work" "$out/jack.json" "$realtime" "$seconds" <<'PY'
import json, re, sys
from pathlib import Path

work, target, realtime, seconds = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "true", int(sys.argv[4])
late_client = re.compile(r"JackEngine::XRun: client = (.*) was not finished")

def phase(name):
    counted = json.loads((work / f"{name}.json").read_text())
    log = (work / f"{name}.log").read_text().splitlines()
    slow_clients = [m.group(1) for m in map(late_client.search, log) if m]
    result = {
        "xruns": counted["xruns"],
        "driver_woke_late": sum("JackTimedDriver::Process XRun" in line for line in log),
        "client_not_finished": len(slow_clients),
        "slow_clients": sorted(set(slow_clients)),
        "dsp_load_mean_percent": counted["dsp_load_mean_percent"],
        "dsp_load_max_percent": counted["dsp_load_max_percent"],
    }
    if counted["process_callback"]:
        result.update(cores=counted["cores"], cycles=counted["cycles"],
                      process_mean_us=counted["process_mean_us"],
                      process_max_us=counted["process_max_us"],
                      cycle_budget_us=counted["cycle_budget_us"])
    return counted, result

idle_counted, idle = phase("idle")
_, passthrough = phase("passthrough")
_, standalone = phase("standalone")
app_out = (work / "app.out").read_text().splitlines()
standalone["start_line"] = app_out[0]
standalone["xruns_app_counted_since_start"] = int(app_out[-1].split(": ")[1])
_, cores = phase("cores")
report = {
    "server": {"driver": "dummy", "sample_rate": idle_counted["sample_rate"],
               "buffer_frames": idle_counted["buffer_frames"], "realtime": realtime},
    "seconds_per_phase": seconds,
    "idle": idle,
    "passthrough": passthrough,
    "standalone": standalone,
    "cores": cores,
}
Path(target).write_text(json.dumps(report, indent=1) + "\n")

def line(label, p):
    return (f"{label} {p['xruns']} xruns ({p['client_not_finished']} from a slow client,"
            f" {p['driver_woke_late']} late timer wake-ups), DSP load {p['dsp_load_mean_percent']:.1f} % mean /"
            f" {p['dsp_load_max_percent']:.1f} % max")

server = report["server"]
print(f"jack: {server['sample_rate'] // 1000} kHz / {server['buffer_frames']} frames"
      f" ({'real-time' if realtime else 'not real-time'}), {seconds} s per phase: "
      + line("idle", idle) + "; " + line("pass-through client", passthrough) + "; "
      + line("standalone", standalone) + "; " + line(f"{cores['cores']} cores", cores)
      + f", their callback {cores['process_mean_us']:.1f} us mean / {cores['process_max_us']:.1f} us max"
      f" of {cores['cycle_budget_us']:.0f} us")
PY
    )
}
