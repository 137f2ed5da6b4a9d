#!/usr/bin/env bash
# The suite on a plugin VstKit did not make: Debian's ZamComp (zam-plugins,
# DPF-based). It must be judged only on what it declares about itself, so
# the verdicts are exact and every FAIL is one true line about ZamComp.
# Usage: third_party_conformance_test.sh VSTKIT-HOST XVFB-RUN WORK-DIR
set -uo pipefail
host=$1 xvfb_run=$2 work=$3
# shellcheck source=verdicts.sh
source "$(dirname "$0")/verdicts.sh"
bundle=/usr/lib/vst3/ZamComp.vst3
if [[ ! -d $bundle ]]; then
    echo "$bundle is missing: install Debian's zam-plugins (apt-get install zam-plugins)" >&2
    exit 1
fi
version=$(dpkg-query -W -f '${Version}' zam-plugins 2>/dev/null || echo unknown)
rm -rf "$work" && mkdir -p "$work"
output=$work.txt
"$xvfb_run" -a -s "-screen 0 1280x800x24" "$host" test "$bundle" --output "$work" \
    >"$output" 2>"$work.stderr"
status=$?
cat "$output"
# Found in zam-plugins 4.1+ds-1 (Debian 12). If a newer ZamComp fixes one,
# this test says which verdict moved: update it here.
if ! expect_verdicts "$output" "ZamComp $version" \
    factory=PASS parameters=PASS state=PASS \
    "bad-state=FAIL:it applied part of a cut state" \
    lifecycle=PASS blocks=PASS automation=PASS bad-input=PASS tail=PASS realtime=PASS \
    "editor=FAIL:accepts content scale 2 (kResultOk) but stays"; then
    exit 1
fi
if [[ $status -ne 1 ]]; then
    echo "vstkit-host exited $status; with failing checks it must exit 1" >&2
    exit 1
fi
