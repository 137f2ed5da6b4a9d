#!/usr/bin/env bash
# No check that cannot fail: the fixture plugin (fixture_plugin/) commits one
# fault at a time, and exactly the check for it must fail, in words that name
# the fault. With no fault every check passes (the editor is skipped: the
# fixture has none, as hosts allow).
# Usage: suite_catches_faults_test.sh VSTKIT-HOST FIXTURE.vst3 WORK-DIR
set -uo pipefail
host=$1 bundle=$2 work=$3
# shellcheck source=verdicts.sh
source "$(dirname "$0")/verdicts.sh"
rm -rf "$work" && mkdir -p "$work"

all_pass=(factory=PASS parameters=PASS state=PASS bad-state=PASS lifecycle=PASS blocks=PASS
          automation=PASS bad-input=PASS tail=PASS realtime=PASS)

# FAULT, then the verdicts that differ from all_pass.
cases=(
    "none"
    "wrong-default parameters=FAIL:holds 0.700000, but its declared default is 0.500000"
    "string-halved parameters=FAIL:reads back as"
    "partial-state bad-state=FAIL:it applied part of a cut state"
    "crash-on-huge-state bad-state=FAIL:crashed (SIGSEGV"
    "nan-in-1000-frame-blocks blocks=FAIL:is NaN"
    "loud-at-top automation=FAIL:above the +60.0 dBFS bound"
    "stuck-nan bad-input=FAIL:still not finite a second of clean input later"
    "allocates realtime=FAIL:allocates in process()"
    "rings-flagged-silent tail=FAIL:is flagged silent"
)

failures=0
for case in "${cases[@]}"; do
    fault=${case%% *}
    declare -A expected=()
    for spec in "${all_pass[@]}"; do
        expected[${spec%%=*}]=${spec#*=}
    done
    if [[ $case == *" "* ]]; then
        override=${case#* }
        expected[${override%%=*}]=${override#*=}
    fi
    specs=()
    for check in factory parameters state bad-state lifecycle blocks automation bad-input tail realtime; do
        specs+=("$check=${expected[$check]}")
    done
    specs+=("editor=SKIP")
    output=$work/$fault.txt
    VSTKIT_FIXTURE_FAULT=$fault "$host" test "$bundle" --output "$work/$fault" --no-editor \
        >"$output" 2>"$work/$fault.stderr"
    status=$?
    want_status=1
    [[ $fault == none ]] && want_status=0
    if ! expect_verdicts "$output" "fault '$fault'" "${specs[@]}"; then
        failures=$((failures + 1))
        cat "$output" >&2
    elif [[ $status -ne $want_status ]]; then
        echo "fault '$fault': vstkit-host exited $status, expected $want_status" >&2
        failures=$((failures + 1))
    else
        line=$(grep -E '^FAIL' "$output" | head -1)
        echo "fault '$fault': ${line:-every check passed}"
    fi
    unset expected
done
exit $((failures > 0))
