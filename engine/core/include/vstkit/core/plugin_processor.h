#pragma once

#include <concepts>
#include <cstddef>
#include <memory>
#include <span>
#include <type_traits>

#include "vstkit/core/process_status.h"
#include "vstkit/dsp/parameter_event.h"

namespace vstkit::core {

/// What a plugin's processor offers the kit, checked when the plugin is
/// declared:
/// - prepare(sampleRate, maxBlockFrames): before audio starts; may allocate.
/// - reset(): drop every glide in flight and any memory of past audio (the
///   transport jumped, or processing restarts).
/// - process(channels, frames, events): in place, on the audio thread. Each
///   event sets one table row's plain value from its offset on (sorted by
///   offset; an offset at or past `frames` applies at the end, so a 0-frame
///   call only applies values). Never allocates, locks or blocks. Returns
///   a ProcessStatus, or nothing when the output is always silent where the
///   input is (ProcessStatus::Normal).
template <typename Processor>
concept PluginProcessor = std::default_initializable<Processor> &&
    requires(Processor& processor, double sampleRate, std::size_t frames,
             std::span<float* const> channels, std::span<const dsp::ParameterEvent> events) {
    { processor.prepare(sampleRate, frames) }
    noexcept;
    { processor.reset() }
    noexcept;
    { processor.process(channels, frames, events) }
    noexcept;
    requires std::is_void_v<decltype(processor.process(channels, frames, events))> ||
        std::is_same_v<decltype(processor.process(channels, frames, events)), ProcessStatus>;
};

/// A plugin's processor behind one virtual call per block, so the formats
/// and the core are compiled once for every plugin.
class ProcessorInstance {
  public:
    virtual ~ProcessorInstance() = default;
    virtual void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept = 0;
    virtual void reset() noexcept = 0;
    virtual ProcessStatus process(std::span<float* const> channels, std::size_t frames,
                                  std::span<const dsp::ParameterEvent> events) noexcept = 0;
};

template <PluginProcessor Processor>
class ProcessorAdapter final : public ProcessorInstance {
  public:
    void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept override {
        processor_.prepare(sampleRate, maxBlockFrames);
    }
    void reset() noexcept override { processor_.reset(); }
    ProcessStatus process(std::span<float* const> channels, std::size_t frames,
                          std::span<const dsp::ParameterEvent> events) noexcept override {
        if constexpr (std::is_void_v<decltype(processor_.process(channels, frames, events))>) {
            processor_.process(channels, frames, events);
            return ProcessStatus::Normal;
        } else {
            return processor_.process(channels, frames, events);
        }
    }

  private:
    Processor processor_;
};

}  // namespace vstkit::core
