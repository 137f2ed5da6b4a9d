#!/usr/bin/env bash
# lv2_validate (Debian's lv2-dev, which needs sordi) on a built bundle's TTL:
# passes only with "Found 0 errors".
#
# Usage: validate_bundle.sh BUNDLE.lv2
set -euo pipefail

if [[ $# -ne 1 || ! -d "$1" ]]; then
    echo "usage: $0 BUNDLE.lv2" >&2
    exit 2
fi
command -v lv2_validate >/dev/null || { echo "FAIL: lv2_validate not found (Debian package lv2-dev)"; exit 1; }
command -v sordi >/dev/null || { echo "FAIL: sordi not found (Debian package sordi); lv2_validate needs it"; exit 1; }
log="$(mktemp)"
trap 'rm -f -- "$log"' EXIT
lv2_validate "$1"/*.ttl >"$log" 2>&1 || true
cat "$log"
if grep -qE '^Found 0 errors' "$log"; then
    echo "PASS: $(basename "$1") validates"
else
    echo "FAIL: lv2_validate reports errors in $(basename "$1")"
    exit 1
fi
