#include "vstkit/core/audio_core.h"

#include <algorithm>
#include <array>

#include "vstkit/protocol/normalized.h"

namespace vstkit::core {

AudioCore::AudioCore()
    : shared_(std::make_shared<SharedParameters>()), sharedValues_(shared_.get()) {
    processor_.prepare(48000.0, 0);
}

void AudioCore::prepare(double sampleRate, std::size_t maxBlockFrames) noexcept {
    processor_.prepare(sampleRate, maxBlockFrames);
    settle();
}

void AudioCore::reset() noexcept {
    processor_.reset();
}

void AudioCore::settle() noexcept {
    appliedStateGeneration_ = shared_->loadedStateGeneration.load(std::memory_order_acquire);
    for (std::size_t i = 0; i < protocol::kParams.size(); ++i) {
        processor_.apply({0, static_cast<std::uint32_t>(i), shared_->values.plain(i)});
    }
    processor_.reset();
}

void AudioCore::applyLoadedStateIfAny() noexcept {
    const auto generation = shared_->loadedStateGeneration.load(std::memory_order_acquire);
    if (generation == appliedStateGeneration_) {
        return;
    }
    appliedStateGeneration_ = generation;
    // Loaded state is a change like any other: it ramps from where we are.
    for (std::size_t i = 0; i < protocol::kParams.size(); ++i) {
        processor_.apply({0, static_cast<std::uint32_t>(i), shared_->values.plain(i)});
    }
}

void AudioCore::reportAppliedValues() noexcept {
    // Only each row's last value of the block matters to a display.
    std::array<bool, protocol::kParams.size()> reported{};
    const auto events = events_.events();
    for (auto event = events.rbegin(); event != events.rend(); ++event) {
        if (event->index >= reported.size() || reported[event->index]) {
            continue;
        }
        reported[event->index] = true;
        if (shared_->values.plain(event->index) == event->value) {
            continue;
        }
        shared_->values.setPlain(event->index, event->value);
        if (!shared_->appliedChanges.push({event->index, event->value})) {
            shared_->appliedChangesDropped.store(true, std::memory_order_release);
        }
    }
}

void AudioCore::processSlice(std::span<float* const> channels, std::size_t firstFrame,
                             std::size_t frames, bool lastSlice) noexcept {
    if (firstFrame == 0) {
        applyLoadedStateIfAny();
    }
    if (events_.empty()) {
        processor_.process(channels, frames);
        return;
    }
    // The events of this slice: sorted, so a contiguous run.
    const auto events = events_.events();
    const auto sliceEnd = firstFrame + frames;
    const auto begin = std::find_if(events.begin(), events.end(),
                                    [firstFrame](const auto& e) { return e.offset >= firstFrame; });
    const auto end =
        lastSlice ? events.end() : std::find_if(begin, events.end(), [sliceEnd](const auto& e) {
            return e.offset >= sliceEnd;
        });
    processor_.process(channels, frames, {begin, end}, firstFrame);
    if (lastSlice) {
        reportAppliedValues();
        events_.clear();
    }
}

std::vector<std::uint8_t> AudioCore::saveState() const {
    return protocol::serializeState(shared_->values.snapshot());
}

protocol::StateError AudioCore::loadState(std::span<const std::uint8_t> blob) {
    const auto parsed = protocol::parseState(blob);
    if (!parsed.values) {
        return parsed.error;
    }
    loadValues(*parsed.values);
    return protocol::StateError::None;
}

void AudioCore::loadValues(const protocol::ParamValues& values) noexcept {
    for (std::size_t i = 0; i < values.size(); ++i) {
        shared_->values.setPlain(i, protocol::clampPlain(protocol::kParams[i], values[i]));
    }
    shared_->loadedStateGeneration.fetch_add(1, std::memory_order_release);
}

}  // namespace vstkit::core
