#include "vstkit/dsp/gain_ramp.h"

#include <algorithm>

namespace vstkit::dsp {

void GainRamp::setLength(std::uint32_t rampSamples) noexcept {
    length_ = std::max<std::uint32_t>(rampSamples, 1);
    jumpTo(target_);
}

void GainRamp::setTarget(float targetGain) noexcept {
    if (targetGain == target_) {
        return;
    }
    start_ = current();
    target_ = targetGain;
    step_ = (target_ - start_) / static_cast<float>(length_);
    position_ = 0;
}

void GainRamp::jumpTo(float gain) noexcept {
    start_ = gain;
    target_ = gain;
    step_ = 0.0F;
    position_ = length_;
}

float GainRamp::current() const noexcept {
    if (position_ >= length_) {
        return target_;
    }
    return start_ + step_ * static_cast<float>(position_);
}

void GainRamp::fill(std::span<float> gains) noexcept {
    const std::size_t rampFrames =
        std::min<std::size_t>(gains.size(), isRamping() ? length_ - position_ : 0);
    // Closed form from the ramp's own sample index (no running sum), so the
    // loop vectorises and no value depends on where earlier blocks ended.
    // The index is signed so the int-to-float conversion vectorises (SSE has
    // no unsigned one); ramps are far shorter than 2^31 samples.
    const float start = start_;
    const float step = step_;
    const auto firstIndex = static_cast<std::int32_t>(position_ + 1);
    const auto count = static_cast<std::int32_t>(rampFrames);
    float* __restrict const out = gains.data();
    for (std::int32_t i = 0; i < count; ++i) {
        out[i] = start + step * static_cast<float>(firstIndex + i);
    }
    if (rampFrames > 0 && position_ + rampFrames == length_) {
        out[rampFrames - 1] = target_;  // Land exactly on the target.
    }
    std::fill(out + rampFrames, out + gains.size(), target_);
    skip(gains.size());
}

void GainRamp::skip(std::size_t frames) noexcept {
    const std::size_t left = length_ - std::min(position_, length_);
    position_ += static_cast<std::uint32_t>(std::min(frames, left));
}

}  // namespace vstkit::dsp
