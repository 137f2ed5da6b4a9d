#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "vstkit/core/process_status.h"
#include "vstkit/dsp/linear_ramp.h"
#include "vstkit/dsp/parameter_event.h"

namespace vstkit_echo {

/// The echo's rows in its parameter table (plugin.h), in table order.
enum class EchoRow : std::uint32_t { Time = 0, Feedback = 1, Tone = 2, Mix = 3, Bypass = 4 };

/// VstKit Echo's audio path, mono: a delay line read at a fractional,
/// linearly interpolated position, whose output is fed back through a
/// one-pole low-pass (Tone), so each repeat is darker than the one before,
/// as on tape. The first echo is the input itself, undarkened.
///
///     line input = input + feedback * lowPass(delayed)
///     output     = input + mix * (delayed - input), crossfaded with the
///                  input itself by bypass
///
/// Every parameter glides: Time over kTimeGlideSeconds, so a change bends
/// the pitch of what is in the line instead of clicking; the others over
/// kGlideSeconds; bypass crossfades over kCrossfadeSeconds.
///
/// Only channel 0 is processed; any other channel passes through untouched.
/// A missing channel 0 (null, or no channels) is heard as silence, so the
/// echoes already in the line go on as time passes.
///
/// Thread contract as for every VstKit processor: prepare() while audio is
/// stopped, the only call that allocates; everything else on the audio
/// thread, never allocating, locking or blocking.
class EchoProcessor final {
  public:
    /// The parameters' ranges and defaults; plugin.h's table says the same
    /// (it checks so at compile time).
    static constexpr float kMinTimeMs = 1.0F;
    static constexpr float kMaxTimeMs = 1000.0F;
    static constexpr float kDefaultTimeMs = 300.0F;
    static constexpr float kMaxFeedbackPercent = 90.0F;
    static constexpr float kDefaultFeedbackPercent = 35.0F;
    static constexpr float kMinToneHz = 500.0F;
    static constexpr float kMaxToneHz = 20000.0F;
    static constexpr float kDefaultToneHz = 6000.0F;
    static constexpr float kDefaultMixPercent = 30.0F;

    /// A Time change glides over this long: slow enough to sound like a
    /// tape speed change, fast enough to follow a turned knob.
    static constexpr double kTimeGlideSeconds = 0.050;
    /// Feedback, Tone and Mix glide over this long, so they never zipper.
    static constexpr double kGlideSeconds = 0.020;
    /// Bypass crossfades between the input and the echo over this long.
    static constexpr double kCrossfadeSeconds = 0.020;
    /// Anything quieter than this (-140 dBFS) is written into the line as an
    /// exact 0: the repeats end in true silence instead of denormals.
    static constexpr float kSilenceFloor = 1e-7F;

    EchoProcessor() noexcept;

    /// Allocates the line for kMaxTimeMs at this rate (rates <= 0 or NaN
    /// mean 48 kHz), then reset().
    void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept;
    /// Clears the line and the tone filter, and jumps every glide to its target.
    void reset() noexcept;
    /// Echoes channel 0 in place. Each event takes effect at its offset
    /// (sorted, offsets from the block's start; offsets past the end apply
    /// at the end, so a 0-frame call only applies values).
    ///
    /// Returns Tail while the output can be non-zero though the input is
    /// silent: the line held a non-zero sample at the start of the block, or
    /// one was written into it during the block. The line holds only exact
    /// zeros once the last lineLength() writes were zeros (quiet repeats are
    /// written as zeros, see kSilenceFloor), and then silent input gives
    /// exact zeros out and this returns Normal.
    vstkit::core::ProcessStatus process(
        std::span<float* const> channels, std::size_t frames,
        std::span<const vstkit::dsp::ParameterEvent> events) noexcept;

    /// Samples the line holds (the longest Time plus a little); 0 before
    /// prepare(), when the input passes through untouched.
    [[nodiscard]] std::size_t lineLength() const noexcept { return line_.size(); }

  private:
    void apply(const vstkit::dsp::ParameterEvent& event) noexcept;
    /// Returns whether it wrote a non-zero sample into the line.
    bool render(float* samples, std::size_t start, std::size_t frames) noexcept;
    void setRampLengths() noexcept;
    void setToneCoefficient(float toneOctaves) noexcept;
    [[nodiscard]] float readDelayed(double delaySamples) const noexcept;
    [[nodiscard]] bool lineIsSilent() const noexcept { return silentWrites_ >= line_.size(); }

    double sampleRate_ = 48000.0;
    double samplesPerMs_ = 48.0;
    vstkit::dsp::LinearRamp timeMs_;
    vstkit::dsp::LinearRamp feedback_;     // 0..0.9 of the delayed signal fed back
    vstkit::dsp::LinearRamp toneOctaves_;  // log2 of the low-pass cutoff in Hz
    vstkit::dsp::LinearRamp mix_;          // 0 = input only, 1 = echo only
    vstkit::dsp::LinearRamp wet_;          // 0 = bypassed, 1 = echoing
    float toneCoefficient_ = 0.0F;         // the one-pole's step toward its input
    float toneState_ = 0.0F;               // the one-pole's output, fed back
    std::vector<float> line_;
    std::size_t writeIndex_ = 0;
    // Writes since the last non-zero one (saturates at the line's length):
    // once it reaches the length, every sample in the line is an exact zero.
    std::size_t silentWrites_ = 0;
};

}  // namespace vstkit_echo
