#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "vst3/parameter_changes.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

/// The level every check plays at: a sine peaking at -6 dBFS.
inline constexpr float kTestLevel = 0.5F;

/// A sine at the given frequency and peak amplitude.
[[nodiscard]] std::vector<float> sine(double sampleRate, double frequency, std::size_t frames,
                                      float amplitude = kTestLevel);

/// Block lengths for a run, by block index. A 0 plays a 0-frame block (only
/// parameter changes) at that point.
using BlockPlan = std::function<std::size_t(std::size_t blockIndex)>;
[[nodiscard]] BlockPlan fixedBlocks(std::size_t frames);
[[nodiscard]] BlockPlan randomBlocks(std::size_t maxFrames, unsigned seed);

/// Adds parameter points for the block of `frames` starting at startFrame.
using ChangesPlan =
    std::function<void(std::size_t startFrame, std::size_t frames, ParameterChanges& changes)>;

/// The main output bus of a run, and how the process() calls went.
struct RunOutput {
    std::vector<std::vector<double>> channels;
    /// Where each block with frames started, in order: says which block a
    /// sample came from.
    std::vector<std::size_t> blockStarts;
    int failedCalls = 0;
    Steinberg::tresult firstFailure = Steinberg::kResultOk;
    std::size_t firstFailureFrame = 0;
};

/// The first frame at which two runs differ in any channel, if any.
[[nodiscard]] std::optional<std::size_t> firstDifference(const RunOutput& a, const RunOutput& b);

/// Plays the input into every channel of the main input bus, out of place,
/// in 32-bit (or 64-bit after a kSample64 start) blocks, and returns what
/// the main output bus gave.
[[nodiscard]] RunOutput play(PluginInstance& instance, std::span<const float> input,
                             const BlockPlan& blocks, const ChangesPlan& changes = {});
[[nodiscard]] RunOutput play64(PluginInstance& instance, std::span<const float> input,
                               const BlockPlan& blocks, const ChangesPlan& changes = {});

}  // namespace vstkit::host::conformance
