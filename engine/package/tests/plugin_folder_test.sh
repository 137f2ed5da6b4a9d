#!/usr/bin/env bash
# Adding a plugin to the kit is adding its folder: in a scratch copy of this
# checkout, plugins/echo is copied to plugins/slapback under a new name, new
# class IDs and a new URI, and nothing else is edited. `./vstkit bundle
# --no-install` must then build, check, bundle and demo it beside the others.
#
# Usage: plugin_folder_test.sh KIT_ROOT
# Prints "  ok ..." or "  FAIL ..." per check; exits 1 on any failure.
set -uo pipefail

[[ $# -eq 1 ]] || {
    echo "usage: $0 KIT_ROOT" >&2
    exit 2
}
readonly KIT="$1"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-plugin-folder.XXXXXX")"
readonly WORK
failures=0
ok() { echo "  ok $*"; }
fail() {
    echo "  FAIL $*"
    failures=$((failures + 1))
}
finish() {
    if ((failures == 0)); then
        rm -rf -- "$WORK"
    else
        echo "  kept $WORK for a look"
    fi
}
trap finish EXIT

echo "== 1. a scratch copy of the kit (the files git tracks or would track)"
mkdir -p "$WORK/kit" "$WORK/home"
(cd "$KIT" && git ls-files -z --cached --others --exclude-standard |
    tar --null --files-from=- -cf -) | tar -xf - -C "$WORK/kit" ||
    {
        fail "could not copy the checkout"
        exit 1
    }
[[ -x "$WORK/kit/vstkit" && -f "$WORK/kit/plugins/echo/plugin.h" ]] && ok "copied to $WORK/kit" ||
    fail "the copy has no ./vstkit or plugins/echo"

echo "== 2. plugins/echo copied as plugins/slapback: new name, IDs and URI only"
new="$WORK/kit/plugins/slapback"
cp -R "$WORK/kit/plugins/echo" "$new"
sed -i -e 's/vstkit_add_plugin(echo/vstkit_add_plugin(slapback/' \
    -e 's/BUNDLE_NAME VstKitEcho/BUNDLE_NAME Slapback/' \
    -e 's/vstkit_echo_/vstkit_slapback_/g' -e 's/"echo\./"slapback./g' \
    -e 's/NAME echo\./NAME slapback./g' "$new/CMakeLists.txt"
sed -i -e 's/\.name = "VstKit Echo"/.name = "Slapback"/' \
    -e "s/'E', 'c', 'h', 'o'/'S', 'l', 'a', 'p'/g" \
    -e 's#plugins/vstkit-echo"#plugins/folder-test-slapback"#' \
    -e 's/"dev.vstkit.echo"/"dev.vstkit.folder-test-slapback"/' "$new/plugin.h"
if grep -q '"Slapback"' "$new/plugin.h" && grep -q "'S', 'l', 'a', 'p'" "$new/plugin.h" &&
    grep -q 'plugins/folder-test-slapback' "$new/plugin.h" &&
    grep -q '"dev.vstkit.folder-test-slapback"' "$new/plugin.h" &&
    grep -q 'BUNDLE_NAME Slapback' "$new/CMakeLists.txt"; then
    ok "plugins/slapback: name Slapback, class IDs VstKitSlapComp01/Ctrl01, its own URI and CLAP id"
else
    fail "the copy was not renamed as planned"
fi
if cmp -s "$KIT/vstkit" "$WORK/kit/vstkit" && cmp -s "$KIT/CMakeLists.txt" "$WORK/kit/CMakeLists.txt"; then
    ok "./vstkit and the root CMakeLists.txt are untouched"
else
    fail "the copy's ./vstkit or root CMakeLists.txt differ from the kit's"
fi

echo "== 3. ./vstkit bundle --no-install in the copy"
if (cd "$WORK/kit" && HOME="$WORK/home" ./vstkit bundle --no-install) >"$WORK/bundle.log" 2>&1; then
    ok "./vstkit bundle --no-install succeeded"
else
    tail -20 "$WORK/bundle.log" | sed 's/^/    | /'
    fail "./vstkit bundle --no-install failed"
    exit 1
fi
manifest="$WORK/kit/build/release/vstkit-plugins.tsv"
if grep -qP '^slapback\tSlapback\tplugins/slapback\t' "$manifest"; then
    ok "the build lists it: $(grep -P '^slapback\t' "$manifest" | tr '\t' ' ')"
else
    fail "the build's plugin list has no slapback: $(tr '\n' ';' <"$manifest")"
fi
dist="$WORK/kit/dist"
if [[ -f "$dist/Slapback.vst3/Contents/$(uname -m)-linux/Slapback.so" &&
    -f "$dist/Slapback.lv2/Slapback.so" && -f "$dist/Slapback.lv2/manifest.ttl" &&
    -f "$dist/Slapback.clap" && -x "$dist/Slapback" ]]; then
    ok "dist/ has Slapback.vst3, Slapback.lv2, Slapback.clap and the app Slapback"
else
    fail "dist/ lacks Slapback's bundles or app"
fi
if grep -q '^  demo slapback ' "$WORK/bundle.log" && grep -q '^  demo echo ' "$WORK/bundle.log"; then
    ok "its demo ran beside the others: $(grep '^  demo slapback ' "$WORK/bundle.log")"
else
    fail "no demo line for slapback in the bundle's output"
fi
info="$("$dist/vstkit-host" info "$dist/Slapback.vst3" 2>&1)"
if grep -q 'Slapback' <<<"$info" && grep -qi '5673744b6974536c6170436f6d703031' <<<"$info"; then
    ok "vstkit-host loads Slapback with class ID VstKitSlapComp01"
else
    printf '%s\n' "$info" | head -8 | sed 's/^/    | /'
    fail "vstkit-host does not see Slapback with its new class ID"
fi
info="$("$dist/vstkit-host" info "$dist/Slapback.clap" 2>&1)"
if grep -q "^plugin   'Slapback' id dev.vstkit.folder-test-slapback " <<<"$info"; then
    ok "vstkit-host loads Slapback.clap with id dev.vstkit.folder-test-slapback"
else
    printf '%s\n' "$info" | head -4 | sed 's/^/    | /'
    fail "vstkit-host does not see Slapback.clap with its CLAP id"
fi
exit $((failures > 0))
