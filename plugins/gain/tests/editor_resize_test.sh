#!/usr/bin/env bash
# The gain's web editor resized through IPlugView as a VST3 host does (the
# conformance run's editor check): designed at 460x240, any size from its
# minimum (60 % of that, 276x144 at scale 1) up is kept, and a smaller one is
# refused.
# Usage: editor_resize_test.sh CONFORMANCE_DIR
set -euo pipefail
verdict="$1/editor.txt"
[[ -f "$verdict" ]] || {
    echo "FAIL: no editor check result in $1"
    exit 1
}
cat "$verdict"
for expected in "no faults" "resizes to 560x320" "constrains 1x1 to 276x144" "refuses 275x144"; do
    grep -q "$expected" "$verdict" || {
        echo "FAIL: the editor check does not say '$expected'"
        exit 1
    }
done
for shot in editor-480x240 editor-900x400 editor-scale2; do
    [[ -s "$1/$shot.png" ]] || {
        echo "FAIL: no $shot.png"
        exit 1
    }
done
