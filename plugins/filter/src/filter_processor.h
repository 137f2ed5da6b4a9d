#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "state_variable_filter.h"
#include "vstkit/core/process_status.h"
#include "vstkit/dsp/linear_ramp.h"
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
    /// Tail while a filter still rings, so a host never takes the ring for
    /// silence; Normal once every filter is at rest.
    vstkit::core::ProcessStatus process(
        std::span<float* const> channels, std::size_t frames,
        std::span<const vstkit::dsp::ParameterEvent> events) noexcept;

    /// The longest ring: at 20 Hz and Q 20 a full-scale ring falls below the
    /// rest level in about 6.1 s (a 2-pole ring loses pi * f / Q nepers a
    /// second), so hosts keep the filter running that long.
    static constexpr double kLongestRingSeconds = 6.5;
    /// A ring below this (-140 dBFS) with silent input is inaudible: it is
    /// cleared, so the output becomes exact zeros and the ring ends.
    static constexpr float kRestLevel = 1e-7F;

  private:
    void apply(const vstkit::dsp::ParameterEvent& event) noexcept;
    void render(std::span<float* const> channels, std::size_t start, std::size_t frames) noexcept;
    [[nodiscard]] bool everyFilterAtRest() const noexcept;
    /// Clears rings that decayed below kRestLevel while the input was silent.
    void endRingsBelowRest() noexcept;
    void setRampLengths() noexcept;

    double sampleRate_ = 48000.0;
    vstkit::dsp::LinearRamp cutoffOctaves_;  // log2 of the cutoff in Hz
    vstkit::dsp::LinearRamp q_;
    vstkit::dsp::LinearRamp newModeWeight_;  // 0 = previous mode, 1 = current mode
    vstkit::dsp::LinearRamp wet_;            // 0 = bypassed, 1 = filtered
    FilterMode mode_ = FilterMode::LowPass;
    FilterMode previousMode_ = FilterMode::LowPass;
    SvfCoefficients coefficients_;
    std::array<StateVariableFilter, kMaxChannels> filters_{};
    /// Whether every input sample of the current block was zero.
    bool inputSilent_ = true;
};

}  // namespace vstkit_filter
