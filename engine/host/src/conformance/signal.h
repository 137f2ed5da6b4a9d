#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pluginterfaces/vst/ivstparameterchanges.h"
#include "vst3/parameter_changes.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

/// A sine at the given frequency and peak amplitude.
[[nodiscard]] std::vector<float> sine(double sampleRate, double frequency, std::size_t frames,
                                      float amplitude = 0.5F);

/// Block lengths for a run: the same length every time, or seeded random ones.
using BlockPlan = std::function<std::size_t(std::size_t blockIndex)>;
[[nodiscard]] BlockPlan fixedBlocks(std::size_t frames);
[[nodiscard]] BlockPlan randomBlocks(std::size_t maxFrames, unsigned seed);

/// Adds parameter points for the block starting at startFrame.
using ChangesPlan =
    std::function<void(std::size_t startFrame, std::size_t frames, ParameterChanges& changes)>;

struct RunOutput {
    std::vector<float> left;
    bool channelsMatch = true;
    bool processOk = true;
};

/// Plays the same signal into both channels through the instance, out of
/// place, and returns the left output (and whether the right one matched).
[[nodiscard]] RunOutput play(PluginInstance& instance, std::span<const float> input,
                             const BlockPlan& blocks, const ChangesPlan& changes = {});

/// Schedules one point at the first block of a run.
[[nodiscard]] ChangesPlan setAtStart(Steinberg::Vst::ParamID id, double normalized);

/// The Gain parameter's id and the normalized value of a gain in dB, from
/// the protocol table. Empty when the plugin has no parameter titled "Gain".
[[nodiscard]] std::optional<Steinberg::Vst::ParamID> gainParameter(const PluginInstance& instance);
[[nodiscard]] double gainNormalized(float gainDb);

/// Largest |20·log10(out/in) − expectedDb| over samples from fromFrame where
/// |in| > 0.01; also fails (returns +inf) on any non-finite output.
[[nodiscard]] double worstGainErrorDb(std::span<const float> input, std::span<const float> output,
                                      std::size_t fromFrame, float expectedDb);

/// Frames in the dsp ramp at a rate, and the largest per-sample gain step
/// it allows (a full-range jump over one ramp, plus float rounding).
[[nodiscard]] std::size_t rampFrames(double sampleRate);
[[nodiscard]] double maxGainStepPerSample(double sampleRate);

[[nodiscard]] std::string formatDouble(double value, int decimals = 3);

}  // namespace vstkit::host::conformance
