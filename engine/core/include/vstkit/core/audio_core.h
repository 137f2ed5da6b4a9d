#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "vstkit/core/event_list.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/core/reserved_array.h"
#include "vstkit/core/shared_parameters.h"
#include "vstkit/protocol/state.h"

namespace vstkit::core {

/// One plugin instance as every format sees it: the plugin's processor, the
/// block's parameter events, and the values and state shared with the
/// controller. A format fills events() from its own automation, then calls
/// process().
///
/// Threads: prepare() on the host thread while audio is stopped; events(),
/// process() and reset() on the audio thread; saveState() and loadState() on
/// the host thread, at any time.
class AudioCore final {
  public:
    /// Makes the plugin's processor (host thread; allocates).
    explicit AudioCore(const PluginDefinition& plugin);
    /// Host thread.
    ~AudioCore();
    AudioCore(const AudioCore&) = delete;
    AudioCore& operator=(const AudioCore&) = delete;
    AudioCore(AudioCore&&) = delete;
    AudioCore& operator=(AudioCore&&) = delete;

    /// May allocate. Applies the current values without a ramp.
    void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept;
    /// Drops any ramp in flight (audio thread, or host thread while stopped).
    void reset() noexcept;
    /// Applies the values in the store at once, without a ramp (audio thread).
    /// For a format's first block after activation, where the host's initial
    /// values arrive with the audio rather than before it.
    void settle() noexcept;

    /// The events of the block about to be processed (audio thread).
    [[nodiscard]] EventList& events() noexcept { return events_; }

    /// Applies events() at their offsets and processes the audio in place,
    /// then clears events(). Loaded state takes effect at offset 0. Stores
    /// each row's last applied value in shared() for the controller. Never
    /// allocates or locks. Meters the output while someone listens
    /// (shared()->meters). Says whether the output may ring on past silent input.
    ProcessStatus process(std::span<float* const> channels, std::size_t frames) noexcept {
        // Most blocks carry no change: go straight to the processor (inline,
        // because at 64 frames the bookkeeping would cost as much as the gain).
        if (events_.empty() && !hasLoadedState()) {
            const ProcessStatus status = processor_->process(channels, frames, {});
            measureIfListenedTo(channels, frames);
            return status;
        }
        return processSlice(channels, 0, frames, true);
    }

    /// The same for one slice of a block, frames [firstFrame, firstFrame +
    /// frames), for formats that convert audio through a fixed buffer. Slices
    /// come in order; the last one applies any later events and ends the block.
    ProcessStatus processSlice(std::span<float* const> channels, std::size_t firstFrame,
                               std::size_t frames, bool lastSlice) noexcept;

    /// The current values in the versioned state format.
    [[nodiscard]] std::vector<std::uint8_t> saveState() const;
    /// Loads a blob. A malformed blob changes nothing and says why.
    [[nodiscard]] protocol::StateError loadState(std::span<const std::uint8_t> blob);
    /// Takes values already parsed (e.g. from a format's own container), one
    /// per table row, in order.
    void loadValues(std::span<const float> values) noexcept;

    /// The plugin's parameter table.
    [[nodiscard]] std::span<const protocol::ParamSpec> parameters() const noexcept {
        return parameters_;
    }

    [[nodiscard]] const std::shared_ptr<SharedParameters>& shared() const noexcept {
        return shared_;
    }

  private:
    /// Meters the processed audio while an editor or meter port listens.
    void measureIfListenedTo(std::span<float* const> channels, std::size_t frames) noexcept {
        if (meterListeners_.load(std::memory_order_relaxed) > 0) {
            sharedValues_->meters.measure(channels, frames);
        }
    }
    [[nodiscard]] bool hasLoadedState() const noexcept {
        return loadedStateGeneration_.load(std::memory_order_acquire) != appliedStateGeneration_;
    }
    void applyLoadedStateIfAny() noexcept;
    [[nodiscard]] std::span<const dsp::ParameterEvent> currentValuesAsEvents() noexcept;
    /// The events inside [firstFrame, firstFrame + frames), with offsets
    /// counted from firstFrame; the last slice also takes any later ones.
    [[nodiscard]] std::span<const dsp::ParameterEvent> eventsOfSlice(std::size_t firstFrame,
                                                                     std::size_t frames,
                                                                     bool lastSlice) noexcept;
    /// Stores each row's last applied value for the controller, and empties
    /// events().
    void endBlock() noexcept;

    /// Destroys the processor in place, and frees its storage when it did
    /// not fit inline.
    struct ProcessorDisposal {
        void* heapStorage = nullptr;
        std::size_t alignment = 0;
        void operator()(ProcessorInstance* processor) const noexcept;
    };

    /// Processors up to this size live inside the core, next to the fields
    /// every block reads: with 1,000 instances a separate allocation per
    /// processor cost about 0.4 % of the 64-frame budget in cache misses.
    static constexpr std::size_t kInlineProcessorBytes = 2048;
    static constexpr std::size_t kInlineProcessorAlignment = 64;

    [[nodiscard]] std::unique_ptr<ProcessorInstance, ProcessorDisposal> constructProcessor(
        const PluginDefinition& plugin);

    std::span<const protocol::ParamSpec> parameters_;
    std::shared_ptr<SharedParameters> shared_;
    SharedParameters* sharedValues_;  // shared_.get(), one load cheaper per block.
    /// Bumped by the host thread after it loads state into the shared values;
    /// the audio thread then applies all of them at the next block's start.
    /// Here, not in the shared values, so a block reads one object's cache lines.
    std::atomic<std::uint32_t> loadedStateGeneration_{0};
    std::uint32_t appliedStateGeneration_ = 0;
    /// The meters' listeners (shared()->meters counts them here, beside the
    /// generation every block reads).
    std::atomic<int> meterListeners_{0};
    EventList events_;
    alignas(
        kInlineProcessorAlignment) std::array<std::byte, kInlineProcessorBytes> processorStorage_;
    std::unique_ptr<ProcessorInstance, ProcessorDisposal> processor_;
    /// Events rebased to a slice's start, or every row's value for settle().
    ReservedArray<dsp::ParameterEvent> scratch_;
};

}  // namespace vstkit::core
