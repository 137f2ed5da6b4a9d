#include "vstkit/core/output_meters.h"

#include <algorithm>
#include <cmath>

namespace vstkit::core {

void OutputMeters::prepare(double sampleRate) noexcept {
    for (auto& meter : meters_) {
        meter.prepare(sampleRate);
    }
    for (auto& published : published_) {
        published.peak.store(0.0F, std::memory_order_relaxed);
        published.meanSquare.store(0.0F, std::memory_order_relaxed);
    }
}

void OutputMeters::measure(std::span<float* const> channels, std::size_t frames) noexcept {
    const std::size_t count = std::min(channels.size(), meters_.size());
    for (std::size_t channel = 0; channel < count; ++channel) {
        auto& meter = meters_[channel];
        meter.measure(channels[channel], frames);
        auto& published = published_[channel];
        published.peak.store(meter.peak(), std::memory_order_relaxed);
        // The root is taken by the reader: a sqrt per block per channel costs
        // the audio thread more than the rest of the bookkeeping.
        published.meanSquare.store(meter.meanSquare(), std::memory_order_relaxed);
        published.clips.store(meter.clips(), std::memory_order_relaxed);
    }
    channelCount_.store(count, std::memory_order_relaxed);
}

void OutputMeters::countListenersIn(std::atomic<int>& counter) noexcept {
    std::atomic<int>* current = listeners_.load(std::memory_order_acquire);
    counter.store(current->load(std::memory_order_relaxed), std::memory_order_relaxed);
    listeners_.store(&counter, std::memory_order_release);
}

void OutputMeters::stopCountingIn(std::atomic<int>& counter) noexcept {
    if (listeners_.load(std::memory_order_acquire) != &counter) {
        return;
    }
    ownListeners_.store(counter.load(std::memory_order_relaxed), std::memory_order_relaxed);
    listeners_.store(&ownListeners_, std::memory_order_release);
}

MeterReading OutputMeters::read(std::size_t channel) const noexcept {
    if (channel >= published_.size()) {
        return {};
    }
    const auto& published = published_[channel];
    return {published.peak.load(std::memory_order_relaxed),
            std::sqrt(published.meanSquare.load(std::memory_order_relaxed)),
            published.clips.load(std::memory_order_relaxed)};
}

}  // namespace vstkit::core
