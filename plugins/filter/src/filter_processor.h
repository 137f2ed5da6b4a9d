#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "state_variable_filter.h"
#include "vstkit/dsp/gain_ramp.h"
#include "vstkit/dsp/parameter_event.h"

namespace vstkit_filter {

/// The filter's rows in its parameter table (plugin.h), in table order.
enum class FilterRow : std::uint32_t { Cutoff = 0, Resonance = 1, Mode = 2, Bypass = 3 };

/// The Mode parameter's choices, in the order of its labels.
enum class FilterMode : std::uint32_t { LowPass = 0, HighPass = 1, BandPass = 2, Notch = 3 };

/// VstKit Filter's audio path: a state-variable filter per channel whose
/// cutoff (in octaves) and Q glide to each new value, a crossfade between
/// modes, and a dry/wet crossfade for bypass, so no change ever clicks.
///
/// Thread contract as for every VstKit processor: prepare() while audio is
/// stopped; everything else on the audio thread, never allocating or locking.
class FilterProcessor final {
  public:
    /// Channels beyond this pass through unfiltered.
    static constexpr std::size_t kMaxChannels = 8;
    /// Cutoff and Q glide over this long; long enough to never zipper,
    /// short enough to follow automation closely.
    static constexpr double kGlideSeconds = 0.010;
    /// A mode change or bypass crossfades over this long.
    static constexpr double kCrossfadeSeconds = 0.020;

    FilterProcessor() noexcept;

    void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept;
    /// Jumps every glide to its target and clears the filters' memory.
    void reset() noexcept;
    /// Filters in place. Each event takes effect at its offset (sorted,
    /// offsets from the block's start; offsets past the end apply at the end).
    void process(std::span<float* const> channels, std::size_t frames,
                 std::span<const vstkit::dsp::ParameterEvent> events) noexcept;

  private:
    void apply(const vstkit::dsp::ParameterEvent& event) noexcept;
    void render(std::span<float* const> channels, std::size_t start, std::size_t frames) noexcept;
    void setRampLengths() noexcept;

    double sampleRate_ = 48000.0;
    vstkit::dsp::GainRamp cutoffOctaves_;  // log2 of the cutoff in Hz
    vstkit::dsp::GainRamp q_;
    vstkit::dsp::GainRamp newModeWeight_;  // 0 = previous mode, 1 = current mode
    vstkit::dsp::GainRamp wet_;            // 0 = bypassed, 1 = filtered
    FilterMode mode_ = FilterMode::LowPass;
    FilterMode previousMode_ = FilterMode::LowPass;
    SvfCoefficients coefficients_;
    std::array<StateVariableFilter, kMaxChannels> filters_{};
};

}  // namespace vstkit_filter
