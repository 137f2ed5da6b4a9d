#include "vstkit/dsp/smoothed_gain.h"

#include <algorithm>
#include <cmath>

#include "vstkit/dsp/gain.h"

namespace vstkit::dsp {
namespace {

constexpr double kFallbackSampleRate = 48000.0;

}  // namespace

void SmoothedGain::prepare(double sampleRate, std::size_t /*maxBlockFrames*/) noexcept {
    sampleRate_ =
        (sampleRate > 0.0 && std::isfinite(sampleRate)) ? sampleRate : kFallbackSampleRate;
    const double rampFrames = std::round(kLinearRampSeconds * sampleRate_);
    ramp_.setLength(static_cast<std::uint32_t>(std::clamp(rampFrames, 1.0, 1.0e7)));
    reset();
}

void SmoothedGain::reset() noexcept {
    ramp_.jumpTo(bypassed_ ? 1.0F : targetGain_);
}

void SmoothedGain::setTargetGainDb(float gainDb) noexcept {
    // Hosts send the same value block after block; only a change costs an exp.
    if (gainDb == targetGainDb_ || std::isnan(gainDb)) {
        return;
    }
    float gain = dbToLinear(gainDb);
    if (!std::isfinite(gain)) {
        return;
    }
    if (gain < kMinimumGain) {
        gain = 0.0F;
    }
    targetGainDb_ = gainDb;
    targetGain_ = gain;
    updateRampTarget();
}

void SmoothedGain::setBypassed(bool bypassed) noexcept {
    bypassed_ = bypassed;
    updateRampTarget();
}

void SmoothedGain::apply(const ParameterEvent& event) noexcept {
    if (event.index == rows_.gainDb) {
        setTargetGainDb(event.value);
    } else if (event.index == rows_.bypass) {
        setBypassed(event.value >= 0.5F);
    }
}

void SmoothedGain::processWithEvents(std::span<float* const> channels, std::size_t frames,
                                     std::span<const ParameterEvent> events,
                                     std::size_t firstFrame) noexcept {
    // Split the block at each event: the audio before it keeps the old target.
    std::size_t done = 0;
    for (const ParameterEvent& event : events) {
        const std::size_t fromSliceStart =
            event.offset > firstFrame ? event.offset - firstFrame : std::size_t{0};
        const std::size_t offset = std::min(fromSliceStart, frames);
        if (offset > done) {
            processFrom(channels, done, offset - done);
            done = offset;
        }
        apply(event);
    }
    processFrom(channels, done, frames - done);
}

void SmoothedGain::processFrom(std::span<float* const> channels, std::size_t start,
                               std::size_t frames) noexcept {
    if (frames == 0) {
        return;
    }
    if (start == 0) {
        process(channels, frames);
        return;
    }
    // The ramp advances once per pass, so every group of channels must see
    // the same gains: remember the ramp and rewind it for each group.
    const LinearRamp rampAtStart = ramp_;
    for (std::size_t group = 0; group < channels.size(); group += kMaxSplitChannels) {
        ramp_ = rampAtStart;
        std::array<float*, kMaxSplitChannels> shifted{};
        const std::size_t count = std::min(channels.size() - group, kMaxSplitChannels);
        for (std::size_t c = 0; c < count; ++c) {
            float* const channel = channels[group + c];
            shifted[c] = channel == nullptr ? nullptr : channel + start;
        }
        process(std::span<float* const>{shifted.data(), count}, frames);
    }
    if (channels.empty()) {
        ramp_.skip(frames);
    }
}

void SmoothedGain::updateRampTarget() noexcept {
    ramp_.setTarget(bypassed_ ? 1.0F : targetGain_);
}

void SmoothedGain::applyRampGain(float* __restrict samples, const float* __restrict gains,
                                 std::size_t frames) noexcept {
#pragma GCC unroll 4
    for (std::size_t i = 0; i < frames; ++i) {
        const float sample = samples[i];
        samples[i] = aboveSilenceFloor(sample) * gains[i];
    }
}

void SmoothedGain::processRamping(std::span<float* const> channels, std::size_t frames) noexcept {
    std::size_t offset = 0;
    while (offset < frames && ramp_.isRamping()) {
        const std::size_t slice = std::min(frames - offset, kSliceFrames);
        ramp_.fill(std::span{sliceGains_.data(), slice});
        for (float* channel : channels) {
            if (channel != nullptr) {
                applyRampGain(channel + offset, sliceGains_.data(), slice);
            }
        }
        offset += slice;
    }
    // The ramp ended inside this block: the rest is steady.
    const float gain = ramp_.target();
    if (offset < frames && gain != 1.0F) {
        for (float* channel : channels) {
            if (channel != nullptr) {
                applySteadyGain(channel + offset, gain, frames - offset);
            }
        }
    }
}

}  // namespace vstkit::dsp
