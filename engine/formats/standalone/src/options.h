#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parameter_setting.h"

namespace vstkit::formats::standalone {

/// Frames per block unless --buffer says otherwise: 1.3 ms at 48 kHz.
inline constexpr unsigned kDefaultBufferFrames = 64;

/// What the command line asked for.
struct Options {
    bool help = false;
    bool listDevices = false;
    bool window = true;
    /// An RtAudio API name ("jack", "alsa", "pulse"); checked when the APIs are probed.
    std::optional<std::string> api;
    /// One device for input and output, by the name --list-devices shows.
    std::optional<std::string> device;
    std::optional<unsigned> sampleRate;
    /// Empty: kDefaultBufferFrames.
    std::optional<unsigned> bufferFrames;
    /// The editor's content scale, 0.5 to 4; empty: the screen's (AppWindow::screenScale).
    std::optional<float> scale;
    /// In command-line order: a later --set of the same parameter wins.
    std::vector<ParameterSetting> settings;
    /// --input: play "tone", "noise" or a WAV file into a null output instead
    /// of opening a device.
    std::optional<std::string> input;
    /// --ws-port: serve the editor bridge over WebSocket (the browser dev
    /// mode) on 127.0.0.1; 0 picks a free port.
    std::optional<unsigned> wsPort;
    /// --ws-token: the token a client must give; empty: a fresh one each run.
    std::string wsToken;
    /// --ws-origin: the Origins whose pages may connect (the dev server's).
    std::vector<std::string> wsOrigins;
};

struct OptionsResult {
    /// Set only when every argument was understood.
    std::optional<Options> options;
    /// One line for the user otherwise.
    std::string error;
};

/// Reads the arguments after the program name. Both "--rate 48000" and
/// "--rate=48000" are accepted.
[[nodiscard]] OptionsResult parseOptions(std::span<char* const> arguments);

/// The --help text.
[[nodiscard]] std::string usageText(std::string_view appName);

}  // namespace vstkit::formats::standalone
