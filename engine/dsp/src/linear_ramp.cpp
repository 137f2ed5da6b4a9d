#include "vstkit/dsp/linear_ramp.h"

#include <algorithm>

namespace vstkit::dsp {

void LinearRamp::setLength(std::uint32_t rampSamples) noexcept {
    length_ = std::max<std::uint32_t>(rampSamples, 1);
    jumpTo(target_);
}

void LinearRamp::setTarget(float target) noexcept {
    if (target == target_) {
        return;
    }
    start_ = current();
    target_ = target;
    step_ = (target_ - start_) / static_cast<float>(length_);
    position_ = 0;
}

void LinearRamp::jumpTo(float value) noexcept {
    start_ = value;
    target_ = value;
    step_ = 0.0F;
    position_ = length_;
}

float LinearRamp::current() const noexcept {
    if (position_ >= length_) {
        return target_;
    }
    return start_ + step_ * static_cast<float>(position_);
}

void LinearRamp::fill(std::span<float> values) noexcept {
    const std::size_t rampFrames =
        std::min<std::size_t>(values.size(), isRamping() ? length_ - position_ : 0);
    // Closed form from the ramp's own sample index (no running sum), so the
    // loop vectorises and no value depends on where earlier blocks ended.
    // The index is signed so the int-to-float conversion vectorises (SSE has
    // no unsigned one); ramps are far shorter than 2^31 samples.
    const float start = start_;
    const float step = step_;
    const auto firstIndex = static_cast<std::int32_t>(position_ + 1);
    const auto count = static_cast<std::int32_t>(rampFrames);
    float* __restrict const out = values.data();
    for (std::int32_t i = 0; i < count; ++i) {
        out[i] = start + step * static_cast<float>(firstIndex + i);
    }
    if (rampFrames > 0 && position_ + rampFrames == length_) {
        out[rampFrames - 1] = target_;  // Land exactly on the target.
    }
    std::fill(out + rampFrames, out + values.size(), target_);
    skip(values.size());
}

void LinearRamp::skip(std::size_t frames) noexcept {
    const std::size_t left = length_ - std::min(position_, length_);
    position_ += static_cast<std::uint32_t>(std::min(frames, left));
}

}  // namespace vstkit::dsp
