#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audio/wav_file.h"

namespace vstkit::host {

/// One --automation lane as written: the parameter's name and the file's
/// points as (seconds, value text), in file order.
struct AutomationText {
    std::string parameter;
    std::string path;
    std::vector<std::pair<double, std::string>> points;
};

/// A render as the command line asks for it, the same for every plugin
/// format: the input read, the options checked.
struct RenderJob {
    AudioClip input;
    int blockFrames = 512;
    int sampleBits = 32;
    std::optional<std::filesystem::path> statePath;
    /// --save-state: where the plugin's state goes once the render is done.
    std::optional<std::filesystem::path> saveStatePath;
    /// --set NAME=VALUE, in order.
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<AutomationText> automation;
};

/// A lane in the format's own value (normalized for VST3, plain for CLAP).
struct AutomationLane {
    struct Point {
        std::size_t frame;
        double value;
    };
    std::uint32_t id = 0;
    std::vector<Point> points;

    /// The lane's value at a frame: linear between points, held outside them.
    [[nodiscard]] double valueAt(std::size_t frame) const;
};

/// Converts one value text of a lane's parameter; throws HostError.
using ValueFromText = std::function<double(const std::string& text)>;

/// The lane for `text` at `sampleRate`, each point's text converted, sorted by frame.
[[nodiscard]] AutomationLane makeLane(std::uint32_t id, const AutomationText& text, int sampleRate,
                                      const ValueFromText& convert);

/// Text without leading and trailing blanks.
[[nodiscard]] std::string_view trimmed(std::string_view text);

/// A number, optionally followed by a unit ("-6", "+3 dB"). Plugins answer
/// any text with some value (JUCE keeps the current one for garbage), so the
/// host checks that there is a number to convert before asking.
[[nodiscard]] bool looksLikeAValue(std::string_view text);

/// The bytes of a state file; throws HostError when it cannot be read.
[[nodiscard]] std::vector<std::uint8_t> readStateFile(const std::filesystem::path& path);
/// Writes a state file; throws HostError when it cannot be written.
void writeStateFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

/// The render of each format: the job's input through the plugin, as the
/// plugin's main output gives it. Throw HostError.
[[nodiscard]] AudioClip renderVst3(const std::string& bundle, const RenderJob& job);
[[nodiscard]] AudioClip renderClap(const std::string& path, const RenderJob& job);

}  // namespace vstkit::host
