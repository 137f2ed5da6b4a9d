# shellcheck shell=bash
# Sourced by tests: Ardour 7's VST3 scanner on a plugin, as Ardour runs it.
#
# ardour_vst3_scan BUNDLE HOME NAME : copies BUNDLE into HOME/.vst3 (dated in
# the past: Ardour trusts a scan cache only when it is newer than every file
# of the bundle) and scans it with HOME as the home folder and no display.
# Sets ARDOUR_SCAN_LOG (the scanner's output) and ARDOUR_SCAN_ENTRY (the
# <VST3Info ...> the scan cache holds for NAME, or empty). Returns the
# scanner's exit code; Ardour 7.3's tools abort now and then while tearing
# down with any VST3, so a run killed by a signal gets one more try.
ardour_vst3_scan() {
    local bundle="$1" home="$2" name="$3"
    local scanner=/usr/lib/ardour7/ardour-vst3-scanner
    ARDOUR_SCAN_LOG="$home/scan.log"
    ARDOUR_SCAN_ENTRY=""
    if [[ ! -x "$scanner" ]]; then
        echo "$scanner not found (Debian package ardour)" >"$ARDOUR_SCAN_LOG"
        return 127
    fi
    mkdir -p "$home/.vst3"
    cp -R "$bundle" "$home/.vst3/"
    find "$home/.vst3" -exec touch -h -d '2020-01-01' {} +
    local copy attempt code=0
    copy="$home/.vst3/$(basename "$bundle")"
    for attempt in 1 2; do
        code=0
        HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
            DISPLAY=none LD_LIBRARY_PATH="/usr/lib/ardour7${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
            timeout 60 "$scanner" -f -v "$copy" >"$ARDOUR_SCAN_LOG" 2>&1 || code=$?
        ((code > 128 && code != 124 && attempt == 1)) || break
        echo "  (the scanner was killed by signal $((code - 128)); once more)"
    done
    if ((code == 0)); then
        local cache
        cache="$(sed -n 's/^.*Saved VST3 plugin cache to //p' "$ARDOUR_SCAN_LOG" | tail -n 1)"
        ARDOUR_SCAN_ENTRY="$(grep -o '<VST3Info [^>]*>' "$cache" 2>/dev/null |
            grep -F "name=\"$name\"" || true)"
    fi
    return "$code"
}
