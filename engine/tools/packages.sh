# Debian packages on demand, for ./vstkit and for the ./plugin script of
# projects made with `./vstkit new` (an installed kit carries this file in
# share/vstkit/). Sourced, not run: the caller defines say MESSAGE and
# fail MESSAGE (which exits), and sets APT_LOG to the file apt-get writes to.

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "need root (or sudo) to run: $*"
    fi
}

package_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# require_packages "why" pkg... : installs whatever is missing and says so.
require_packages() {
    local why="$1"
    shift
    local missing=()
    local package
    for package in "$@"; do
        package_installed "$package" || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0
    command -v apt-get >/dev/null 2>&1 ||
        fail "missing packages for $why: ${missing[*]} (install them with your package manager)"
    say "installing ${missing[*]} (needed for $why)"
    # env, not export: sudo drops the caller's environment.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
    if ! as_root "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >"$APT_LOG" 2>&1; then
        say "refreshing the package lists and trying again"
        as_root "${apt[@]}" update >>"$APT_LOG" 2>&1 || true
        as_root "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >>"$APT_LOG" 2>&1 ||
            fail "could not install ${missing[*]}; see $APT_LOG"
    fi
}

# What building the kit, or a plugin on it, needs. juce-modules-source carries
# Steinberg's VST3 SDK; RtAudio brings ALSA, JACK and PulseAudio to the app
# (JACK 2's headers named with it: left to choose, apt may take JACK 1's,
# which the JACK 2 that the tests and Qtractor need then removes with RtAudio);
# the editor finds its font (DejaVu Sans) through fontconfig, and its tests
# check that it draws with it; vstkit-host loads LV2 bundles through lilv.
# Web editors: the helper process shows the page with WebKitGTK 4.1, and the
# bridge reads JSON with nlohmann-json (Node 20 and npm build the page; they
# come with the machine, not from apt).
VSTKIT_BUILD_PACKAGES=(cmake ninja-build g++ pkg-config juce-modules-source libsndfile1-dev
    libx11-dev libxtst-dev libpng-dev libimgui-dev libgl-dev libgl1-mesa-dri lv2-dev
    libjack-jackd2-dev librtaudio-dev libasound2-dev libfontconfig-dev fonts-dejavu-core liblilv-dev
    nlohmann-json3-dev libwebkit2gtk-4.1-dev libboost-dev)
# What a plugin's own tests need besides: GoogleTest, Xvfb for the editor check
# (xauth is only a Recommends of xvfb, and xvfb-run cannot start without it),
# sordi, without which lv2_validate cannot run, and qtractor, whose plugin
# scanner reads each CLAP, and Chromium, where the Playwright tests of a
# web page run (never a browser Playwright would download).
VSTKIT_PLUGIN_TEST_PACKAGES=(libgtest-dev xvfb xauth sordi qtractor chromium)
# Windows modules (the windows preset, a cross-build): Debian's MinGW-w64
# GCC 12 in its posix flavour (std::thread), with its binutils (objdump).
VSTKIT_WINDOWS_BUILD_PACKAGES=(g++-mingw-w64-x86-64-posix)
# Running them here: Wine (the 64-bit loader is in wine64), under Xvfb, and
# xdotool for the editor's XTest drag.
VSTKIT_WINDOWS_TEST_PACKAGES=(wine wine64 xdotool xvfb x11-utils imagemagick sox)
