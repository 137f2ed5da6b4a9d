#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vstkit::dsp {

/// A value that glides linearly, over a fixed number of samples, from where it
/// is to its latest target: a gain, a cutoff in octaves, a crossfade weight.
///
/// The value at each sample depends only on how many samples have passed since
/// the target changed, never on how the audio is cut into blocks, so any block
/// partition produces bit-identical values. A new target restarts the ramp from
/// wherever the value is now, which keeps the curve continuous.
class LinearRamp final {
  public:
    /// Sets the ramp length in samples (at least 1) and settles on the target.
    void setLength(std::uint32_t rampSamples) noexcept;

    /// Starts a ramp toward target unless it is already the target.
    void setTarget(float target) noexcept;

    /// Ends any ramp and holds this value.
    void jumpTo(float value) noexcept;

    /// Writes the next values.size() per-sample values and advances the ramp.
    void fill(std::span<float> values) noexcept;

    /// Advances by frames samples without producing values.
    void skip(std::size_t frames) noexcept;

    /// The next sample's value, advancing by one: the same value fill() gives
    /// for that sample, for loops that smooth several values per sample.
    [[nodiscard]] float next() noexcept {
        if (position_ >= length_) {
            return target_;
        }
        ++position_;
        return position_ == length_ ? target_ : start_ + step_ * static_cast<float>(position_);
    }

    [[nodiscard]] float current() const noexcept;
    [[nodiscard]] float target() const noexcept { return target_; }
    [[nodiscard]] bool isRamping() const noexcept { return position_ < length_; }
    [[nodiscard]] std::uint32_t length() const noexcept { return length_; }

  private:
    float start_ = 1.0F;
    float target_ = 1.0F;
    float step_ = 0.0F;
    std::uint32_t length_ = 1;
    std::uint32_t position_ = 1;
};

}  // namespace vstkit::dsp
