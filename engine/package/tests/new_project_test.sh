#!/usr/bin/env bash
# What a plugin developer does first, end to end, as ./vstkit test's
# new-project stage:
#   1. ./vstkit install-kit into a temporary prefix, then move the prefix
#      (the package must be relocatable) and check no installed text file
#      points back into this checkout;
#   2. ./vstkit new Tremble --vendor "Test Co" (and Shimmer --ui web, whose
#      ./plugin test runs its page's tsc, vitest and Playwright tests);
#   3. build it against the moved prefix only (nothing in its build may name
#      this checkout) and run its tests (./plugin test), then ./plugin bundle;
#   4. load its VST3 in vstkit-host (name, vendor, class IDs as documented)
#      and in Ardour's VST3 scanner;
#   5. the same vendor and name give the same IDs, another name others;
#   6. bad input: one line on stderr, exit 2, nothing written; a project
#      asking for another kit version, or a prefix without a kit, gets one
#      clear line.
#
# Usage: new_project_test.sh KIT_CHECKOUT    (KEEP=1 keeps the temp folder)
set -uo pipefail

if [[ $# -ne 1 || ! -x "$1/vstkit" ]]; then
    echo "usage: $0 KIT_CHECKOUT" >&2
    exit 2
fi
CHECKOUT="$(cd "$1" && pwd)"
readonly CHECKOUT
readonly VSTKIT="$CHECKOUT/vstkit"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/vstkit-new-project.XXXXXX")"
readonly WORK
failures=0
ok() { printf '  ok    %s\n' "$*"; }
fail() {
    printf '  FAIL  %s\n' "$*"
    failures=$((failures + 1))
}
finish() {
    if ((failures == 0)) && [[ -z "${KEEP:-}" ]]; then
        rm -rf -- "$WORK"
    else
        echo "  (kept $WORK)"
    fi
}
trap finish EXIT

# The documented derivation, computed here independently of the generator.
expected_id() {
    printf 'VstKit VST3 %s\n%s\n%s' "$1" "$2" "$3" | sha256sum | cut -c1-32 | tr a-f A-F
}

echo "== 1. install the kit into a temporary prefix, then move it"
readonly KIT="$WORK/kit"
if "$VSTKIT" install-kit --prefix "$WORK/kit-first-place" >"$WORK/install-kit.log" 2>&1; then
    ok "./vstkit install-kit --prefix $WORK/kit-first-place"
else
    tail -20 "$WORK/install-kit.log"
    fail "./vstkit install-kit"
    exit 1
fi
mv "$WORK/kit-first-place" "$KIT"
leaks="$(grep -rIl -F -e "$CHECKOUT" -e "kit-first-place" "$KIT" || true)"
if [[ -z "$leaks" ]]; then
    ok "no installed text file names the checkout or the first prefix"
else
    fail "installed files name the checkout or the first prefix: $leaks"
fi

echo "== 2. ./vstkit new Tremble --vendor \"Test Co\""
readonly PROJECTS="$WORK/projects"
readonly PROJECT="$PROJECTS/Tremble"
if "$VSTKIT" new Tremble --vendor "Test Co" --dir "$PROJECTS" --prefix "$KIT" >"$WORK/new.log" 2>&1; then
    ok "created $PROJECT"
    sed 's/^/    | /' "$WORK/new.log"
else
    cat "$WORK/new.log"
    fail "./vstkit new Tremble"
    exit 1
fi
for file in CMakeLists.txt CMakePresets.json plugin.h tests/processor_test.cpp README.md .gitignore \
    .clang-format plugin .git; do
    [[ -e "$PROJECT/$file" ]] || fail "the project has no $file"
done
[[ -x "$PROJECT/plugin" ]] || fail "./plugin is not executable"
if ! command -v clang-format >/dev/null; then
    fail "clang-format is missing"
elif (cd "$PROJECT" && clang-format --dry-run -Werror plugin.h tests/processor_test.cpp); then
    ok "plugin.h and tests/processor_test.cpp are formatted to the project's .clang-format"
else
    fail "the generated C++ is not formatted to its .clang-format"
fi

echo "== 3. build it against the moved prefix only, run its tests, bundle it"
if (cd "$PROJECT" && ./plugin test) >"$WORK/plugin-test.log" 2>&1; then
    ok "./plugin test: $(grep -E 'tests passed' "$WORK/plugin-test.log")"
else
    tail -40 "$WORK/plugin-test.log"
    fail "./plugin test"
fi
for test_name in tremble.conformance tremble.clap.conformance tremble.clap.qtractor_scan \
    tremble.lv2.validate tremble.Processor.NeverAllocatesLocksOrBlocksOnTheAudioThread; do
    grep -qE "Test +#[0-9]+: $test_name .* Passed" "$WORK/plugin-test.log" || fail "$test_name did not pass"
done
build_files=("$PROJECT/build/debug/CMakeCache.txt" "$PROJECT/build/debug/build.ninja"
    "$PROJECT/build/debug/compile_commands.json")
code=0
grep -qF "$CHECKOUT" "${build_files[@]}" || code=$?
if ((code == 1)); then
    ok "nothing in the project's build names the kit's checkout"
else
    fail "the project's build names the kit's checkout, or is missing (grep exit $code)"
fi
if grep -qxF "VstKit_DIR:PATH=$KIT/lib/cmake/VstKit" "$PROJECT/build/debug/CMakeCache.txt"; then
    ok "the project found the kit in the moved prefix: $KIT/lib/cmake/VstKit"
else
    fail "the project found the kit elsewhere: $(grep '^VstKit_DIR' "$PROJECT/build/debug/CMakeCache.txt")"
fi
if (cd "$PROJECT" && ./plugin bundle --no-install) >"$WORK/plugin-bundle.log" 2>&1 &&
    [[ -d "$PROJECT/dist/Tremble.vst3" && -f "$PROJECT/dist/Tremble.lv2/manifest.ttl" &&
        -f "$PROJECT/dist/Tremble.clap" && -x "$PROJECT/dist/Tremble" ]]; then
    ok "./plugin bundle --no-install: dist/Tremble.vst3, dist/Tremble.lv2, dist/Tremble.clap, dist/Tremble"
else
    tail -20 "$WORK/plugin-bundle.log"
    fail "./plugin bundle --no-install"
fi

# The same bundle's Windows module, built on the kit's Windows libraries.
windows_module="$PROJECT/dist/Tremble.vst3/Contents/x86_64-win/Tremble.vst3"
if [[ -f "$windows_module" ]] &&
    (fail() {
        echo "$*"
        exit 1
    }
    # shellcheck source=/dev/null
    source "$KIT/share/vstkit/windows_module.sh"
    check_windows_module "$windows_module") >"$WORK/windows-module.log" 2>&1; then
    ok "dist/Tremble.vst3/Contents/x86_64-win/Tremble.vst3: imports system DLLs only, exports the three entry points"
else
    cat "$WORK/windows-module.log"
    fail "no Windows module in dist/Tremble.vst3, or it links or exports more than it may"
fi
if grep -qxF "VstKit_DIR:PATH=$KIT/lib/x86_64-w64-mingw32/cmake/VstKit" "$PROJECT/build/windows/CMakeCache.txt"; then
    ok "the Windows build found the kit's Windows package: $KIT/lib/x86_64-w64-mingw32/cmake/VstKit"
else
    fail "the Windows build found: $(grep '^VstKit_DIR' "$PROJECT/build/windows/CMakeCache.txt" 2>&1)"
fi
# Under Wine, with the kit's own vstkit-host.exe: the level the gain sets.
sox -q -n -r 48000 -b 24 -c 2 "$WORK/windows-tone.wav" synth 1 sine 1000 gain -9
if WINEPREFIX="$WORK/wine-prefix" WINEDEBUG=-all WINEDLLOVERRIDES="winedbg.exe=d;mscoree=d;mshtml=d" \
    /usr/lib/wine/wine64 "$KIT/bin/vstkit-host.exe" render "Z:${PROJECT//\//\\}\\dist\\Tremble.vst3" \
    --in "Z:${WORK//\//\\}\\windows-tone.wav" --out "Z:${WORK//\//\\}\\windows-out.wav" --set gain=-6 \
    >"$WORK/windows-render.log" 2>&1; then
    change="$(awk -v a="$(sox "$WORK/windows-tone.wav" -n stat 2>&1 | awk '/RMS *amplitude/ { print $3 }')" \
        -v b="$(sox "$WORK/windows-out.wav" -n stat 2>&1 | awk '/RMS *amplitude/ { print $3 }')" \
        'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(b / a) / log(10) }')"
    if [[ "$change" == "-6.00" ]]; then
        ok "Tremble's Windows module under Wine (the kit's vstkit-host.exe) --set gain=-6: $change dB"
    else
        fail "Tremble's Windows module under Wine --set gain=-6 measured '$change' dB"
    fi
else
    tail -5 "$WORK/windows-render.log"
    fail "the kit's vstkit-host.exe could not render Tremble's Windows module under Wine"
fi

echo "== 3b. ./vstkit new Shimmer --ui web: a web page, its own tests in Chromium"
readonly WEB_PROJECT="$PROJECTS/Shimmer"
if "$VSTKIT" new Shimmer --vendor "Test Co" --ui web --dir "$PROJECTS" --prefix "$KIT" \
    >"$WORK/new-web.log" 2>&1; then
    ok "created $WEB_PROJECT with a web page"
else
    cat "$WORK/new-web.log"
    fail "./vstkit new Shimmer --ui web"
fi
for file in ui/package.json ui/package-lock.json ui/src/Editor.tsx ui/e2e/editor.spec.ts; do
    [[ -e "$WEB_PROJECT/$file" ]] || fail "the web project has no $file"
done
if (cd "$WEB_PROJECT" && ./plugin test) >"$WORK/plugin-test-web.log" 2>&1; then
    ok "./plugin test (web): $(grep -E 'tests passed' "$WORK/plugin-test-web.log")"
else
    tail -60 "$WORK/plugin-test-web.log"
    fail "./plugin test in the web project"
fi
for test_name in shimmer.web.dev shimmer.web.unit shimmer.conformance; do
    grep -qE "Test +#[0-9]+: $test_name .* Passed" "$WORK/plugin-test-web.log" || fail "$test_name did not pass"
done
# The typed ids: a parameter that is not in plugin.h's table fails tsc.
editor="$WEB_PROJECT/ui/src/Editor.tsx"
cp "$editor" "$WORK/Editor.tsx.kept"
sed -i 's/<ParameterToggle id="bypass" \/>/<ParameterToggle id="bypas" \/>/' "$editor"
if (cd "$WEB_PROJECT/ui" && npx --no-install tsc --noEmit -p .) >"$WORK/typed-ids.log" 2>&1; then
    fail "tsc accepted a parameter id that is not in the table"
elif grep -q '"bypas"' "$WORK/typed-ids.log"; then
    ok "tsc refuses a parameter id that is not in the table: $(grep -m1 -o 'error TS[0-9]*' "$WORK/typed-ids.log")"
else
    cat "$WORK/typed-ids.log"
    fail "tsc failed, but not on the misspelt id"
fi
cp "$WORK/Editor.tsx.kept" "$editor"

echo "== 4. its VST3 and CLAP in vstkit-host, the VST3 in Ardour's scanner"
readonly BUNDLE="$PROJECT/dist/Tremble.vst3"
component_id="$(expected_id component "Test Co" Tremble)"
controller_id="$(expected_id controller "Test Co" Tremble)"
info="$("$KIT/bin/vstkit-host" info "$BUNDLE" --json 2>&1)"
if grep -qF "{\"cid\": \"$component_id\", \"category\": \"Audio Module Class\", \"name\": \"Tremble\"" <<<"$info" &&
    grep -qF "{\"cid\": \"$controller_id\", \"category\": \"Component Controller Class\", \"name\": \"Tremble\"" <<<"$info" &&
    grep -qF '"vendor": "Test Co"' <<<"$info"; then
    ok "vstkit-host: 'Tremble' by 'Test Co', component $component_id, controller $controller_id"
else
    printf '%s\n' "$info" | head -12
    fail "vstkit-host does not show Tremble by Test Co with the documented class IDs"
fi
# Its processor through the real module: a 1 kHz tone at Gain -6 dB.
sox -q -n -r 48000 -b 24 -c 2 "$WORK/tone.wav" synth 1 sine 1000 gain -9
"$KIT/bin/vstkit-host" render "$BUNDLE" --in "$WORK/tone.wav" --out "$WORK/tone-6.wav" --set gain=-6 \
    --block 64 >/dev/null 2>&1
rms() { sox "$1" -n stat 2>&1 | awk '/RMS *amplitude/ { print $3 }'; }
change="$(awk -v a="$(rms "$WORK/tone.wav")" -v b="$(rms "$WORK/tone-6.wav" 2>/dev/null)" \
    'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(b / a) / log(10); else print "none" }')"
if [[ "$change" == "-6.00" || "$change" == "-5.99" ]]; then
    ok "vstkit-host render --set gain=-6: $change dB measured with sox"
else
    fail "vstkit-host render --set gain=-6 measured '$change' dB"
fi
# The CLAP: its id from the vendor, and the same level through it.
clap_info="$("$KIT/bin/vstkit-host" info "$PROJECT/dist/Tremble.clap" 2>&1)"
if grep -qF "plugin   'Tremble' id example.test-co.tremble vendor 'Test Co'" <<<"$clap_info"; then
    ok "vstkit-host: Tremble.clap is 'Tremble' by 'Test Co', id example.test-co.tremble"
else
    printf '%s\n' "$clap_info" | head -5
    fail "vstkit-host does not show Tremble.clap as Tremble by Test Co, id example.test-co.tremble"
fi
"$KIT/bin/vstkit-host" render "$PROJECT/dist/Tremble.clap" --in "$WORK/tone.wav" \
    --out "$WORK/tone-6-clap.wav" --set gain=-6 --block 64 >/dev/null 2>&1
change="$(awk -v a="$(rms "$WORK/tone.wav")" -v b="$(rms "$WORK/tone-6-clap.wav" 2>/dev/null)" \
    'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(b / a) / log(10); else print "none" }')"
if [[ "$change" == "-6.00" || "$change" == "-5.99" ]]; then
    ok "vstkit-host render of Tremble.clap --set gain=-6: $change dB measured with sox"
else
    fail "vstkit-host render of Tremble.clap --set gain=-6 measured '$change' dB"
fi
# Ardour's scanner on a copy, as Ardour runs it (no display needed).
# shellcheck source=engine/tools/ardour_vst3_scan.sh
source "$CHECKOUT/engine/tools/ardour_vst3_scan.sh"
scan_code=0
ardour_vst3_scan "$BUNDLE" "$WORK/scan-home" Tremble || scan_code=$?
if ((scan_code == 0)); then
    entry="$ARDOUR_SCAN_ENTRY"
    if grep -q 'Found Plugin: Tremble$' "$ARDOUR_SCAN_LOG" && grep -q "uid=\"$component_id\"" <<<"$entry" &&
        grep -q 'n_inputs="2"' <<<"$entry" && grep -q 'n_outputs="2"' <<<"$entry"; then
        ok "Ardour's scanner: Tremble, uid $component_id, 2 in / 2 out"
    else
        sed 's/^/    | /' "$ARDOUR_SCAN_LOG"
        printf '    cache entry: %s\n' "${entry:-none}"
        fail "Ardour's scanner did not list Tremble with its class ID as 2 in / 2 out"
    fi
else
    sed 's/^/    | /' "$ARDOUR_SCAN_LOG"
    fail "ardour-vst3-scanner exited with $scan_code"
fi

echo "== 5. identity: the same vendor and name give the same IDs, another name others"
id_lines() { grep -A2 -E '\.vst3(Component|Controller)Id' "$1/plugin.h"; }
# generate NAME VENDOR DIR [ARGS...] : ./vstkit new, which must succeed.
generate() {
    "$VSTKIT" new "$1" --vendor "$2" --dir "$3" --prefix "$KIT" "${@:4}" >"$WORK/make.log" 2>&1 ||
        fail "./vstkit new $1 --vendor '$2' failed: $(cat "$WORK/make.log")"
}
generate Tremble "Test Co" "$WORK/again"
generate Tremor "Test Co" "$WORK/again"
generate Tremble "Other Co" "$WORK/other"
if [[ "$(id_lines "$WORK/again/Tremble")" == "$(id_lines "$PROJECT")" ]]; then
    ok "Tremble by Test Co again: the same class IDs"
else
    fail "Tremble by Test Co made twice has different class IDs"
fi
tremor_id="$(expected_id component "Test Co" Tremor)"
other_id="$(expected_id component "Other Co" Tremble)"
if [[ "$tremor_id" != "$component_id" && "$other_id" != "$component_id" ]] &&
    grep -q "$tremor_id" "$WORK/again/Tremor/plugin.h" && grep -q "$other_id" "$WORK/other/Tremble/plugin.h"; then
    ok "Tremor by Test Co ($tremor_id) and Tremble by Other Co have IDs of their own"
else
    fail "a different name or vendor did not give different class IDs"
fi
if grep -q '"https://test-co.example/plugins/tremble"' "$PROJECT/plugin.h"; then
    ok "LV2 URI from the vendor: https://test-co.example/plugins/tremble"
else
    fail "the LV2 URI is not https://test-co.example/plugins/tremble"
fi
generate Tremolo "Test Co" "$WORK/again" --uri "urn:test-co:tremolo" --clap-id com.test-co.tremolo
grep -q '"urn:test-co:tremolo"' "$WORK/again/Tremolo/plugin.h" 2>/dev/null && ok "--uri is used as given" ||
    fail "--uri was not used"
grep -q '"com.test-co.tremolo"' "$WORK/again/Tremolo/plugin.h" 2>/dev/null && ok "--clap-id is used as given" ||
    fail "--clap-id was not used"
# Names whose lower case is a libc function (sync) or a GNU macro (linux)
# must still compile: the namespace is NAME_plugin.
generate Sync "Test & Co / Ltd" "$WORK/again"
generate Linux "Test Co" "$WORK/again"
for name in Sync Linux; do
    if printf '#include "plugin.h"\n' | g++ -std=gnu++20 -fsyntax-only -I "$WORK/again/$name" \
        -I "$KIT/include" -x c++ - 2>"$WORK/syntax.log"; then
        ok "$name's plugin.h compiles (namespace ${name,,}_plugin)"
    else
        head -5 "$WORK/syntax.log"
        fail "$name's plugin.h does not compile"
    fi
done
grep -qF '.vendor = "Test & Co / Ltd"' "$WORK/again/Sync/plugin.h" && ok "a vendor with & and / is written as given" ||
    fail "the vendor 'Test & Co / Ltd' was not written as given"

echo "== 6. bad input: one line, exit 2, nothing written"
snapshot() { (cd "$PROJECTS" && find . -print0 | sort -z | xargs -0 sha256sum 2>/dev/null; find . | sort); }
before="$(snapshot)"
long_name="$(printf 'A%.0s' {1..33})"
# expect_bad LABEL ARGS... : ./vstkit ARGS exits 2 with exactly one line on stderr.
expect_bad() {
    local label="$1"
    shift
    local code=0
    "$VSTKIT" "$@" >"$WORK/bad.out" 2>"$WORK/bad.err" || code=$?
    local lines
    lines="$(wc -l <"$WORK/bad.err")"
    if ((code == 2)) && ((lines == 1)) && [[ ! -s "$WORK/bad.out" ]]; then
        ok "$label -> $(cat "$WORK/bad.err")"
    else
        fail "$label: exit $code, $lines line(s) on stderr: $(head -3 "$WORK/bad.err")"
    fi
}
expect_bad "empty name" new "" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "no name" new --vendor "Test Co" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "name starting with a digit" new 9Lives --dir "$PROJECTS" --prefix "$KIT"
expect_bad "name with a space" new "Big Tremble" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "name of 33 characters" new "$long_name" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "a name with __" new Big__Tremble --dir "$PROJECTS" --prefix "$KIT"
expect_bad "a vendor of 64 characters" new Tremolo --vendor "$(printf 'V%.0s' {1..64})" --dir "$PROJECTS" \
    --prefix "$KIT"
expect_bad "a vendor that is not ASCII" new Tremolo --vendor "Café Co" --dir "$PROJECTS" --prefix "$KIT"
touch "$WORK/a-file"
expect_bad "--dir below a file" new Tremolo --dir "$WORK/a-file/sub" --prefix "$KIT"
expect_bad "existing non-empty folder" new Tremble --vendor "Test Co" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "vendor with a quote" new Quote --vendor 'Test "Co"' --dir "$PROJECTS" --prefix "$KIT"
expect_bad "unknown kind" new Synth --kind instrument --dir "$PROJECTS" --prefix "$KIT"
expect_bad "not a URI" new Tremolo --uri "not a uri" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "not a CLAP id" new Tremolo --clap-id "Not An Id" --dir "$PROJECTS" --prefix "$KIT"
expect_bad "unknown option" new Tremolo --colour red --dir "$PROJECTS" --prefix "$KIT"
expect_bad "option without its value" new Tremolo --dir
expect_bad "inside the kit's engine/" new Tremolo --dir "$CHECKOUT/engine" --prefix "$KIT"
expect_bad "no kit in the prefix" new Tremolo --dir "$PROJECTS" --prefix "$WORK/no-kit"
grep -q "./vstkit install-kit --prefix $WORK/no-kit" "$WORK/bad.err" &&
    ok "a missing kit names the command that installs it" ||
    fail "a missing kit does not name ./vstkit install-kit"
expect_bad "install-kit with an unknown option" install-kit --prefx "$WORK/x"
if [[ "$(snapshot)" == "$before" && ! -e "$CHECKOUT/engine/Tremolo" && ! -e "$WORK/no-kit" ]]; then
    ok "nothing was created or changed by the bad attempts"
else
    fail "a bad attempt created or changed files"
fi

echo "== 7. the kit's version and place, as a project sees them"
# configure_fails LABEL EXPECTED DIR ARGS... : cmake fails with the one line EXPECTED.
configure_fails() {
    local label="$1" expected="$2" dir="$3"
    shift 3
    local log="$WORK/configure-$label.log"
    if cmake -S "$dir" -B "$dir/build/check" -G Ninja "$@" >"$log" 2>&1; then
        fail "$label: configure succeeded"
    elif grep -qF "$expected" "$log"; then
        ok "$label -> $(grep -F "$expected" "$log" | sed 's/^ *//')"
    else
        sed 's/^/    | /' "$log" | tail -12
        fail "$label: configure failed without '$expected'"
    fi
}
cp -R "$WORK/again/Tremor" "$WORK/needs-newer"
sed -i 's/^set(vstkit_version [0-9.]*)$/set(vstkit_version 9.0)/' "$WORK/needs-newer/CMakeLists.txt"
configure_fails "a project asking for VstKit 9.0" \
    "found VstKit 0.1.0, but this project needs 9.0.x: install it with" \
    "$WORK/needs-newer" -DCMAKE_PREFIX_PATH="$KIT"
configure_fails "a prefix without a kit" \
    "is not installed in '$WORK/no-kit': install it with \`./vstkit install-kit --prefix DIR\`" \
    "$WORK/again/Tremor" -DCMAKE_PREFIX_PATH="$WORK/no-kit"
code=0
(cd "$WORK/again/Tremor" && VSTKIT_PREFIX="$WORK/no-kit" ./plugin test) 2>"$WORK/plugin-no-kit.err" >/dev/null || code=$?
if ((code != 0)) && [[ "$(wc -l <"$WORK/plugin-no-kit.err")" == 1 ]] &&
    grep -q "./vstkit install-kit --prefix $WORK/no-kit" "$WORK/plugin-no-kit.err"; then
    ok "./plugin without a kit -> $(cat "$WORK/plugin-no-kit.err")"
else
    fail "./plugin without a kit: exit $code, $(head -3 "$WORK/plugin-no-kit.err")"
fi

echo
if ((failures == 0)); then
    echo "PASS: a new project on the installed kit"
else
    echo "FAIL: $failures check(s)"
    exit 1
fi
