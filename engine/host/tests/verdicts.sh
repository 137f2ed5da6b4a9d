# shellcheck shell=bash
# Shared by the suite's own tests: reads the PASS/FAIL/SKIP lines that
# `vstkit-host test` prints and compares them with what a test expects.
# Source it; call expect_verdicts OUTPUT_FILE WHAT SPEC..., where each SPEC is
# CHECK=VERDICT or CHECK=FAIL:TEXT (the one-line reason must contain TEXT).

verdict_of() {  # FILE CHECK -> "PASS", "FAIL", "SKIP" or ""
    awk -v check="$2" '$2 == check && ($1 == "PASS" || $1 == "FAIL" || $1 == "SKIP") { print $1 }' "$1"
}

reason_of() {  # FILE CHECK -> the text after the check's name
    awk -v check="$2" '$2 == check { sub(/^(PASS|FAIL|SKIP) +[^ ]+ +/, ""); print }' "$1"
}

expect_verdicts() {
    local output=$1 what=$2
    shift 2
    local problems=0 spec check want text got reason
    for spec in "$@"; do
        check=${spec%%=*}
        want=${spec#*=}
        text=
        if [[ $want == *:* ]]; then
            text=${want#*:}
            want=${want%%:*}
        fi
        got=$(verdict_of "$output" "$check")
        reason=$(reason_of "$output" "$check")
        if [[ $got != "$want" ]]; then
            echo "$what: check '$check' gave ${got:-no verdict}, expected $want${reason:+ ($reason)}" >&2
            problems=$((problems + 1))
        elif [[ $want == FAIL && -z $reason ]]; then
            echo "$what: check '$check' failed without a reason" >&2
            problems=$((problems + 1))
        elif [[ -n $text && $reason != *"$text"* ]]; then
            echo "$what: check '$check' says '$reason', expected it to mention '$text'" >&2
            problems=$((problems + 1))
        fi
    done
    # Every verdict is one line: no line of output may be a stray continuation.
    local verdict_lines
    verdict_lines=$(grep -cE '^(PASS|FAIL|SKIP)  ' "$output" || true)
    if [[ $verdict_lines -ne $# ]]; then
        echo "$what: $verdict_lines verdict lines for $# checks" >&2
        problems=$((problems + 1))
    fi
    return "$problems"
}
