# shellcheck shell=bash
# Sourced by the tests that run a built LV2 bundle in a plain LV2 host
# (lilv's tools): use_lv2_bundle BUNDLE WORK copies the bundle into a folder
# of its own under WORK and points LV2_PATH there, so the host sees only it.
# In a sanitizer build the tools, which are not instrumented, get the
# sanitizer runtime preloaded, as the instrumented module needs it first.
use_lv2_bundle() {
    local bundle="$1" work="$2"
    mkdir -p "$work/lv2"
    cp -R "$bundle" "$work/lv2/"
    export LV2_PATH="$work/lv2"
    local binary runtime
    binary="$work/lv2/$(basename "$bundle")/$(basename "$bundle" .lv2).so"
    if runtime=$(ldd "$binary" | awk '/libasan/ { print $3 }') && [[ -n "$runtime" ]]; then
        export LD_PRELOAD="$runtime"
        # The tools' own allocations are not ours to judge.
        export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
    fi
}
