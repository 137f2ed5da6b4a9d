#pragma once

#include <cstddef>
#include <cstdint>

namespace vstkit::dsp {

/// Peak and RMS of one audio channel with a meter's ballistics, updated once
/// per block, so that a reader polling at any rate down to 20 Hz sees every
/// peak and the page never needs the samples.
///
/// - Peak: instant attack, held 50 ms, then falls 90 dB a second.
/// - RMS: the mean square through a 50 ms one-pole integrator (a steady
///   sine reads 3.01 dB under its peak; silence falls ~87 dB a second).
/// - Clip: counts blocks holding a sample above full scale (|x| > 1).
///
/// Audio thread only after prepare(): no allocation, no lock. NaN and Inf
/// samples count as a clip and leave the readings as they were; values
/// too small to show are flushed to 0, so nothing ever turns denormal.
class LevelMeter final {
  public:
    static constexpr double kPeakHoldSeconds = 0.050;
    static constexpr double kPeakFallDbPerSecond = 90.0;
    static constexpr double kRmsIntegrationSeconds = 0.050;

    /// Sets the sample rate (non-positive or NaN fall back to 48 kHz) and
    /// clears the readings.
    void prepare(double sampleRate) noexcept;
    void reset() noexcept;

    /// Measures one block of the channel.
    void measure(const float* samples, std::size_t frames) noexcept;

    /// Linear readings (1.0 is full scale).
    [[nodiscard]] float peak() const noexcept { return peak_; }
    [[nodiscard]] float rms() const noexcept;
    /// The RMS squared: what a reader on another thread takes the root of.
    [[nodiscard]] float meanSquare() const noexcept { return meanSquare_; }
    /// Blocks that clipped since prepare(); wraps.
    [[nodiscard]] std::uint32_t clips() const noexcept { return clips_; }

  private:
    /// The per-block factors for `frames`, recomputed only when the block
    /// length changes (hosts keep it steady, and exp() per block would cost
    /// more than the measuring).
    void updateFactors(std::size_t frames) noexcept;

    double sampleRate_ = 48000.0;
    float peak_ = 0.0F;
    float meanSquare_ = 0.0F;
    double holdFramesLeft_ = 0.0;
    std::uint32_t clips_ = 0;
    std::size_t factorFrames_ = 0;
    float peakFall_ = 1.0F;
    float rmsKeep_ = 1.0F;
};

}  // namespace vstkit::dsp
