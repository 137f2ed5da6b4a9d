#include "filter_processor.h"

#include <algorithm>
#include <cmath>

namespace vstkit_filter {
namespace {

using vstkit::dsp::ParameterEvent;

float select(const FilterOutputs& out, FilterMode mode) noexcept {
    switch (mode) {
        case FilterMode::LowPass:
            return out.low;
        case FilterMode::HighPass:
            return out.high;
        case FilterMode::BandPass:
            return out.band;
        case FilterMode::Notch:
            return out.low + out.high;
    }
    return out.low;
}

// Non-finite input would poison the filter's memory for good: read it as silence.
float finiteOrSilence(float sample) noexcept {
    return std::isfinite(sample) ? sample : 0.0F;
}

std::uint32_t frames(double seconds, double sampleRate) noexcept {
    return static_cast<std::uint32_t>(std::max(1.0, std::round(seconds * sampleRate)));
}

}  // namespace

FilterProcessor::FilterProcessor() noexcept {
    cutoffOctaves_.jumpTo(std::log2(1000.0F));
    q_.jumpTo(0.70710678F);
    newModeWeight_.jumpTo(1.0F);
    wet_.jumpTo(1.0F);
    setRampLengths();
}

void FilterProcessor::setRampLengths() noexcept {
    cutoffOctaves_.setLength(frames(kGlideSeconds, sampleRate_));
    q_.setLength(frames(kGlideSeconds, sampleRate_));
    newModeWeight_.setLength(frames(kCrossfadeSeconds, sampleRate_));
    wet_.setLength(frames(kCrossfadeSeconds, sampleRate_));
}

void FilterProcessor::prepare(double sampleRate, std::size_t /*maxBlockFrames*/) noexcept {
    sampleRate_ = sampleRate > 0.0 && std::isfinite(sampleRate) ? sampleRate : 48000.0;
    setRampLengths();
    reset();
}

void FilterProcessor::reset() noexcept {
    cutoffOctaves_.jumpTo(cutoffOctaves_.target());
    q_.jumpTo(q_.target());
    newModeWeight_.jumpTo(1.0F);
    previousMode_ = mode_;
    wet_.jumpTo(wet_.target());
    coefficients_ =
        SvfCoefficients::make(std::exp2(cutoffOctaves_.target()), q_.target(), sampleRate_);
    for (auto& filter : filters_) {
        filter.reset();
    }
}

void FilterProcessor::apply(const ParameterEvent& event) noexcept {
    const float value = event.value;
    if (!std::isfinite(value)) {
        return;
    }
    switch (static_cast<FilterRow>(event.index)) {
        case FilterRow::Cutoff:
            cutoffOctaves_.setTarget(std::log2(std::max(value, 1.0F)));
            break;
        case FilterRow::Resonance:
            q_.setTarget(value);
            break;
        case FilterRow::Mode: {
            const auto mode = static_cast<FilterMode>(std::clamp(std::lround(value), 0L, 3L));
            if (mode != mode_) {
                // Fade from what is heard now; a change mid-fade restarts it.
                previousMode_ = newModeWeight_.current() >= 0.5F ? mode_ : previousMode_;
                mode_ = mode;
                newModeWeight_.jumpTo(0.0F);
                newModeWeight_.setTarget(1.0F);
            }
            break;
        }
        case FilterRow::Bypass:
            wet_.setTarget(value >= 0.5F ? 0.0F : 1.0F);
            break;
    }
}

vstkit::core::ProcessStatus FilterProcessor::process(
    std::span<float* const> channels, std::size_t frames,
    std::span<const ParameterEvent> events) noexcept {
    // A filter with memory rings on through this block even if the input is silent.
    const bool ringing = !everyFilterAtRest();
    inputSilent_ = true;
    std::size_t done = 0;
    for (const auto& event : events) {
        const std::size_t offset = std::min<std::size_t>(event.offset, frames);
        if (offset > done) {
            render(channels, done, offset - done);
            done = offset;
        }
        apply(event);
    }
    if (frames > done) {
        render(channels, done, frames - done);
    }
    for (auto& filter : filters_) {
        filter.settle();
    }
    endRingsBelowRest();
    return ringing ? vstkit::core::ProcessStatus::Tail : vstkit::core::ProcessStatus::Normal;
}

bool FilterProcessor::everyFilterAtRest() const noexcept {
    return std::all_of(filters_.begin(), filters_.end(),
                       [](const StateVariableFilter& filter) { return filter.isAtRest(); });
}

void FilterProcessor::endRingsBelowRest() noexcept {
    if (!inputSilent_) {
        return;
    }
    for (auto& filter : filters_) {
        if (filter.isBelow(kRestLevel)) {
            filter.reset();
        }
    }
}

void FilterProcessor::render(std::span<float* const> channels, std::size_t start,
                             std::size_t frames) noexcept {
    const std::size_t filtered = std::min(channels.size(), kMaxChannels);
    bool silent = true;
    for (std::size_t i = start; i < start + frames; ++i) {
        // Coefficients follow the glides sample by sample, and only while they move.
        if (cutoffOctaves_.isRamping() || q_.isRamping()) {
            coefficients_ =
                SvfCoefficients::make(std::exp2(cutoffOctaves_.next()), q_.next(), sampleRate_);
        }
        const float newWeight = newModeWeight_.next();
        const float wet = wet_.next();
        for (std::size_t channel = 0; channel < filtered; ++channel) {
            float* samples = channels[channel];
            if (samples == nullptr) {
                continue;
            }
            const float dry = finiteOrSilence(samples[i]);
            silent = silent && dry == 0.0F;
            const auto out = filters_[channel].step(dry, coefficients_);
            float shaped = select(out, mode_);
            if (newWeight < 1.0F) {
                shaped =
                    select(out, previousMode_) + newWeight * (shaped - select(out, previousMode_));
            }
            samples[i] = dry + wet * (shaped - dry);
        }
    }
    inputSilent_ = inputSilent_ && silent;
}

}  // namespace vstkit_filter
