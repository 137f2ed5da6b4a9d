#include "vstkit/core/audio_core.h"

#include <algorithm>
#include <array>

#include "vstkit/protocol/normalized.h"

namespace vstkit::core {

AudioCore::AudioCore(const PluginDefinition& plugin)
    : parameters_(
          plugin.parameters.first(std::min(plugin.parameters.size(), protocol::kMaxTableRows))),
      shared_(std::make_shared<SharedParameters>(parameters_)),
      sharedValues_(shared_.get()),
      events_(parameters_.size()),
      processor_(constructProcessor(plugin)),
      scratch_(events_.capacity()) {
    processor_->prepare(48000.0, 0);
    settle();
    shared_->meters.countListenersIn(meterListeners_);
}

AudioCore::~AudioCore() {
    shared_->meters.stopCountingIn(meterListeners_);
}

std::unique_ptr<ProcessorInstance, AudioCore::ProcessorDisposal> AudioCore::constructProcessor(
    const PluginDefinition& plugin) {
    if (plugin.processorSize <= kInlineProcessorBytes &&
        plugin.processorAlignment <= kInlineProcessorAlignment) {
        return {plugin.constructProcessor(processorStorage_.data()), ProcessorDisposal{}};
    }
    const std::align_val_t alignment{plugin.processorAlignment};
    void* storage = ::operator new(plugin.processorSize, alignment);
    try {
        return {plugin.constructProcessor(storage),
                ProcessorDisposal{storage, plugin.processorAlignment}};
    } catch (...) {
        ::operator delete(storage, alignment);
        throw;
    }
}

void AudioCore::ProcessorDisposal::operator()(ProcessorInstance* processor) const noexcept {
    processor->~ProcessorInstance();
    if (heapStorage != nullptr) {
        ::operator delete (heapStorage, std::align_val_t{alignment});
    }
}

void AudioCore::prepare(double sampleRate, std::size_t maxBlockFrames) noexcept {
    processor_->prepare(sampleRate, maxBlockFrames);
    shared_->meters.prepare(sampleRate);
    settle();
}

void AudioCore::reset() noexcept {
    processor_->reset();
}

// Every row's current value, applied with no audio, then every glide ended.
std::span<const dsp::ParameterEvent> AudioCore::currentValuesAsEvents() noexcept {
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        scratch_[i] = {0, static_cast<std::uint32_t>(i), shared_->values.plain(i)};
    }
    return {scratch_.data(), parameters_.size()};
}

void AudioCore::settle() noexcept {
    appliedStateGeneration_ = loadedStateGeneration_.load(std::memory_order_acquire);
    processor_->process({}, 0, currentValuesAsEvents());
    processor_->reset();
}

void AudioCore::applyLoadedStateIfAny() noexcept {
    const auto generation = loadedStateGeneration_.load(std::memory_order_acquire);
    if (generation == appliedStateGeneration_) {
        return;
    }
    appliedStateGeneration_ = generation;
    // Loaded state is a change like any other: it glides from where we are.
    processor_->process({}, 0, currentValuesAsEvents());
}

ProcessStatus AudioCore::processSlice(std::span<float* const> channels, std::size_t firstFrame,
                                      std::size_t frames, bool lastSlice) noexcept {
    if (firstFrame == 0) {
        applyLoadedStateIfAny();
    }
    const auto status =
        processor_->process(channels, frames, eventsOfSlice(firstFrame, frames, lastSlice));
    measureIfListenedTo(channels, frames);
    if (lastSlice) {
        endBlock();
    }
    return status;
}

std::span<const dsp::ParameterEvent> AudioCore::eventsOfSlice(std::size_t firstFrame,
                                                              std::size_t frames,
                                                              bool lastSlice) noexcept {
    const auto events = events_.events();
    if (events.empty()) {
        return {};
    }
    // Sorted by offset, so a slice's events are a contiguous run.
    const auto sliceEnd = firstFrame + frames;
    const auto begin = std::find_if(events.begin(), events.end(),
                                    [firstFrame](const auto& e) { return e.offset >= firstFrame; });
    const auto end =
        lastSlice ? events.end() : std::find_if(begin, events.end(), [sliceEnd](const auto& e) {
            return e.offset >= sliceEnd;
        });
    if (firstFrame == 0) {
        return {begin, end};
    }
    // The processor counts offsets from the audio it is given.
    std::size_t count = 0;
    for (auto event = begin; event != end; ++event) {
        scratch_[count] = *event;
        scratch_[count].offset -= static_cast<std::uint32_t>(firstFrame);
        ++count;
    }
    return {scratch_.data(), count};
}

void AudioCore::endBlock() noexcept {
    // In offset order, so each row ends at its last value of the block.
    for (const auto& event : events_.events()) {
        if (event.index < parameters_.size()) {
            sharedValues_->values.setPlain(event.index, event.value);
        }
    }
    events_.clear();
}

std::vector<std::uint8_t> AudioCore::saveState() const {
    return protocol::serializeState(parameters_, shared_->values.snapshot());
}

protocol::StateError AudioCore::loadState(std::span<const std::uint8_t> blob) {
    const auto parsed = protocol::parseState(parameters_, blob);
    if (!parsed.values) {
        return parsed.error;
    }
    loadValues(*parsed.values);
    return protocol::StateError::None;
}

void AudioCore::loadValues(std::span<const float> values) noexcept {
    for (std::size_t i = 0; i < std::min(values.size(), parameters_.size()); ++i) {
        shared_->values.setPlain(i, protocol::clampPlain(parameters_[i], values[i]));
    }
    loadedStateGeneration_.fetch_add(1, std::memory_order_release);
}

}  // namespace vstkit::core
