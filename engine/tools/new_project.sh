#!/usr/bin/env bash
# `./vstkit new`: a plugin project of its own, on the installed kit.
#
# Usage: new_project.sh KIT_CHECKOUT NAME [--vendor VENDOR] [--dir DIR]
#                       [--kind effect] [--uri URI] [--clap-id ID] [--prefix KIT_PREFIX]
#                       [--ui generic|web]
#
# Writes DIR/NAME (DIR: beside the kit checkout unless --dir) from the template the installed kit carries
# (KIT_PREFIX/share/vstkit/template): CMakeLists.txt, CMakePresets.json,
# plugin.h, tests, README.md, .gitignore, .clang-format and the ./plugin
# script, then runs git init there. With --ui web the project also gets ui/,
# its editor as a web page (React on the installed kit's @vstkit/ui, typed
# parameter ids, vitest and Playwright tests), with its packages installed
# and locked (npm install: Node 20 and npm must be on PATH). Bad input gets one line on stderr and exit
# 2, and nothing is written: the project is assembled in a temporary folder
# and moved into place only when complete.
#
# Identity (documented in the generated plugin.h):
#   VST3 component ID  = first 16 bytes of SHA-256("VstKit VST3 component\n" VENDOR "\n" NAME)
#   VST3 controller ID = first 16 bytes of SHA-256("VstKit VST3 controller\n" VENDOR "\n" NAME)
#   LV2 URI            = https://VENDOR-SLUG.example/plugins/lowercase-name, unless --uri
#   CLAP id            = example.VENDOR-SLUG.lowercase-name (the URI's host reversed), unless --clap-id
# where VENDOR-SLUG is the vendor in lower case with each run of other
# characters than letters and digits turned into one '-'.
set -euo pipefail

readonly MAX_NAME_LENGTH=32
# VST3 holds the vendor in 64 char16 including the terminator.
readonly MAX_VENDOR_LENGTH=63
# Byte-wise character classes, whatever the caller's locale.
export LC_ALL=C

bad_input() {
    printf 'vstkit new: %s\n' "$*" >&2
    exit 2
}

(($# >= 1)) || bad_input "internal: no kit checkout given"
readonly KIT_CHECKOUT="$1"
shift

name=""
vendor=""
dir=""
kind="effect"
uri=""
clap_id=""
prefix="$HOME/.local"
ui="generic"
while (($#)); do
    case "$1" in
    --vendor | --dir | --kind | --uri | --clap-id | --prefix | --ui)
        (($# >= 2)) || bad_input "$1 needs a value"
        case "$1" in
        --vendor) vendor="$2" ;;
        --dir) dir="$2" ;;
        --kind) kind="$2" ;;
        --uri) uri="$2" ;;
        --clap-id) clap_id="$2" ;;
        --prefix) prefix="$2" ;;
        --ui) ui="$2" ;;
        esac
        shift 2
        ;;
    -*) bad_input "unknown option '$1' (try ./vstkit --help)" ;;
    *)
        [[ -z "$name" ]] || bad_input "one NAME only, got '$name' and '$1'"
        [[ -n "$1" ]] || bad_input "the name is empty"
        name="$1"
        shift
        ;;
    esac
done

# The name: bundle and app file name, C++ namespace (in lower case), CMake target names.
[[ -n "$name" ]] || bad_input "give the plugin a name, e.g. ./vstkit new Tremble --vendor \"Your Company\""
((${#name} <= MAX_NAME_LENGTH)) || bad_input "the name '$name' is longer than $MAX_NAME_LENGTH characters"
[[ "$name" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]] ||
    bad_input "the name '$name' must start with a letter and hold only letters, digits and '_'"
[[ "$name" != *__* && "$name" != *_ ]] || bad_input "the name '$name' may not hold '__' or end in '_'"
# Target names, test names; the C++ namespace is "${lower}_plugin", which
# no keyword, libc function or macro (linux, unix) is.
lower="${name,,}"

# The vendor: shown by hosts, and part of the class IDs.
if [[ -z "$vendor" ]]; then
    vendor="$(git config user.name 2>/dev/null || true)"
    vendor="${vendor:-${USER:-}}"
    [[ -n "$vendor" ]] || bad_input "give a vendor with --vendor \"Your Company\""
fi
((${#vendor} <= MAX_VENDOR_LENGTH)) || bad_input "the vendor is longer than $MAX_VENDOR_LENGTH characters"
# Plain ASCII: hosts show the vendor from fixed-size VST3 and LV2 fields.
[[ "$vendor" =~ ^[\ -~]+$ && "$vendor" != *[\"\\@]* ]] ||
    bad_input "the vendor '$vendor' may hold ASCII letters, digits, spaces and punctuation except \" \\ @"
vendor_slug="$(printf '%s' "${vendor,,}" | sed -E 's/[^a-z0-9]+/-/g; s/^-+//; s/-+$//')"
[[ -n "$vendor_slug" ]] || bad_input "the vendor '$vendor' needs at least one letter or digit"

[[ "$kind" == "effect" ]] || bad_input "--kind '$kind' is not offered; the one kind so far is 'effect'"
[[ "$ui" == "generic" || "$ui" == "web" ]] ||
    bad_input "--ui '$ui': the editor is 'generic' (the kit's, the default) or 'web' (a page of your own)"
if [[ "$ui" == "web" ]] && ! command -v npm >/dev/null 2>&1; then
    bad_input "--ui web needs Node.js 20 and npm on PATH (the page is built with Vite)"
fi

if [[ -n "$uri" ]]; then
    [[ "$uri" =~ ^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]\"\<\>\\^\`{|}]+$ ]] ||
        bad_input "--uri '$uri' is not a URI (e.g. https://example.com/plugins/$lower)"
else
    uri="https://$vendor_slug.example/plugins/$lower"
fi
if [[ -n "$clap_id" ]]; then
    [[ "$clap_id" =~ ^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$ ]] ||
        bad_input "--clap-id '$clap_id' is not a reverse-domain id in lower case (e.g. com.example.$lower)"
else
    clap_id="example.$vendor_slug.$lower"
fi

# The installed kit: its template, its version and its prefix for the new project.
[[ "$prefix" != *[\"\\\$\`]* ]] || bad_input "the kit prefix '$prefix' may not hold quotes, backslashes, \$ or \`"
prefix="$(realpath -m -- "$prefix")"
template="$prefix/share/vstkit/template"
version_file="$(compgen -G "$prefix/lib*/cmake/VstKit/VstKitConfigVersion.cmake" ||
    compgen -G "$prefix/lib/*/cmake/VstKit/VstKitConfigVersion.cmake" || true)"
version_file="${version_file%%$'\n'*}"
[[ -d "$template" && -n "$version_file" ]] ||
    bad_input "no VstKit installed in $prefix: run './vstkit install-kit --prefix $prefix' first"
web_template="$prefix/share/vstkit/template-web"
[[ "$ui" == "generic" || -d "$web_template" ]] ||
    bad_input "the kit in $prefix has no web template: run './vstkit install-kit --prefix $prefix' again"
kit_version="$(sed -nE 's/^set\(PACKAGE_VERSION "([0-9]+\.[0-9]+)\.[0-9]+"\)$/\1/p' "$version_file")"
[[ -n "$kit_version" ]] || bad_input "cannot read the kit's version from $version_file"
if [[ "$prefix" == "$(realpath -m -- "$HOME/.local")" ]]; then
    prefix_json='$env{HOME}/.local'
    prefix_shell='$HOME/.local'
    prefix_doc='~/.local'
else
    prefix_json="$prefix"
    prefix_shell="$prefix"
    prefix_doc="$prefix"
fi

# Where: DIR/NAME, by default beside the kit checkout.
checkout="$(realpath -m -- "$KIT_CHECKOUT")"
[[ -n "$dir" ]] || dir="$(dirname -- "$checkout")"
dir="$(realpath -m -- "$dir")"
target="$dir/$name"
[[ "$target/" != "$checkout/engine/"* ]] ||
    bad_input "$target is inside the kit's engine/; choose another --dir"
if [[ -L "$target" ]]; then
    bad_input "$target is a symbolic link; nothing was written"
elif [[ -e "$target" ]]; then
    [[ -d "$target" && -z "$(ls -A -- "$target")" ]] ||
        bad_input "$target already exists and is not empty; nothing was written"
fi
# The nearest folder that exists must take the new ones.
existing="$dir"
while [[ ! -e "$existing" ]]; do
    existing="$(dirname -- "$existing")"
done
[[ -d "$existing" ]] || bad_input "--dir $dir: $existing is not a folder"
[[ -w "$existing" ]] || bad_input "--dir $dir: cannot write in $existing"

# class_id LABEL : 32 hex digits, the first 16 bytes of the SHA-256 above.
class_id() {
    printf 'VstKit VST3 %s\n%s\n%s' "$1" "$vendor" "$name" | sha256sum | cut -c1-32 | tr a-f A-F
}
# id_bytes HEX : "0xAB, 0xCD, ..." for a C++ initializer.
id_bytes() {
    printf '%s' "$1" | sed -E 's/(..)/0x\1, /g; s/, $//'
}
component_id="$(class_id component)"
controller_id="$(class_id controller)"

staging="$(mktemp -d -- "${TMPDIR:-/tmp}/vstkit-new.XXXXXX")"
trap 'rm -rf -- "$staging"' EXIT
# mktemp's folder is private; the project gets the user's usual mode.
chmod -- "$(printf '%o' $((0777 & ~8#$(umask))))" "$staging"

# fill FILE : FILE with every @KEY@ replaced. The URI goes in last, after the
# check for unknown keys, as it may hold an '@' (the vendor may not).
# Quoted replacements keep '&' literal under bash 5.2's patsub_replacement.
fill() {
    local text
    text="$(cat -- "$1"; printf x)"
    text="${text%x}"
    text="${text//@NAME@/"$name"}"
    text="${text//@LOWER@/"$lower"}"
    text="${text//@NAMESPACE@/"${lower}_plugin"}"
    text="${text//@VENDOR@/"$vendor"}"
    text="${text//@VENDOR_URL@/"https://$vendor_slug.example"}"
    text="${text//@CLAP_ID@/"$clap_id"}"
    text="${text//@COMPONENT_ID_HEX@/"$component_id"}"
    text="${text//@CONTROLLER_ID_HEX@/"$controller_id"}"
    text="${text//@COMPONENT_ID_BYTES@/"$(id_bytes "$component_id")"}"
    text="${text//@CONTROLLER_ID_BYTES@/"$(id_bytes "$controller_id")"}"
    text="${text//@KIT_VERSION@/"$kit_version"}"
    text="${text//@KIT_PREFIX_JSON@/"$prefix_json"}"
    text="${text//@KIT_PREFIX_SHELL@/"$prefix_shell"}"
    text="${text//@KIT_PREFIX_SHELL_DOC@/"$prefix_doc"}"
    text="${text//@KIT_PREFIX_ABS@/"$prefix"}"
    text="${text//@WEB_UI_ARGS@/"$web_ui_args"}"
    text="${text//@WEB_UI_TESTS@/"$web_ui_tests"}"
    local unknown="${text//@LV2_URI@/}"
    if [[ "$unknown" =~ @[A-Z_]+@ ]]; then
        bad_input "internal: the template $1 has an unknown placeholder ${BASH_REMATCH[0]}"
    fi
    text="${text//@LV2_URI@/"$uri"}"
    printf '%s' "$text"
}

web_ui_args=""
web_ui_tests=""
templates=("$template")
if [[ "$ui" == "web" ]]; then
    templates+=("$web_template")
    web_ui_args=$'\n    WEB_UI ui                 # the editor: a web page (ui/), built with Vite\n    WEB_UI_SIZE 480 300'
    web_ui_tests=$'\n    # The page\'s unit tests (vitest); its Playwright tests in Chromium run as\n    # '"$lower"$'.web.dev, and tsc runs with every build of the page.\n    add_test(NAME '"$lower"$'.web.unit COMMAND npm test --silent\n        WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/ui")'
fi

for template_dir in "${templates[@]}"; do
while IFS= read -r -d '' source; do
    relative="${source#"$template_dir"/}"
    case "$relative" in
    gitignore | clang-format) destination="$staging/.$relative" ;;
    *.in) destination="$staging/${relative%.in}" ;;
    *) destination="$staging/$relative" ;;
    esac
    mkdir -p -- "$(dirname -- "$destination")"
    if [[ "$relative" == *.in ]]; then
        fill "$source" >"$destination"
    else
        cp -- "$source" "$destination"
    fi
    [[ -x "$source" ]] && chmod +x -- "$destination"
done < <(find "$template_dir" -type f -print0)
done


# The names differ in length from the placeholders; reflow the C++ to the style.
if command -v clang-format >/dev/null 2>&1; then
    (cd "$staging" && find . -name '*.h' -o -name '*.cpp' | xargs clang-format -i --style=file)
fi

mkdir -p -- "$dir"
if [[ -d "$target" ]]; then
    rmdir -- "$target"
fi
mv -T -- "$staging" "$target"
trap - EXIT
# The page's packages, installed and locked once in place (the lock holds the
# kit's path relative to ui/; the build then runs `npm ci`).
if [[ "$ui" == "web" ]]; then
    if ! (cd "$target/ui" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund \
        --loglevel=error) >"$target/npm-install.log" 2>&1; then
        tail -5 "$target/npm-install.log" >&2
        rm -rf -- "$target"
        printf 'vstkit new: npm install failed in ui/; nothing was written\n' >&2
        exit 1
    fi
    rm -f -- "$target/npm-install.log"
fi
git -C "$target" init -q

cat <<DONE
Created $target
  Plugin          $name by $vendor
  VST3 class IDs  $component_id (component)
                  $controller_id (controller)
  LV2 URI         $uri$([[ "$uri" == *.example/* ]] && printf '  (a placeholder: --uri on a domain you own)')
  CLAP id         $clap_id$([[ "$clap_id" == example.* ]] && printf '  (a placeholder: --clap-id on a domain you own)')
  Kit             VstKit $kit_version in $prefix
  Editor          $([[ "$ui" == web ]] && printf 'a web page in ui/ (./plugin dev opens it in a browser)' || printf 'the kit'"'"'s generic editor')
Next:
  cd $(printf '%q' "$target") && ./plugin test
DONE
