#pragma once

#include <algorithm>
#include <span>
#include <type_traits>
#include <vector>

#include "pluginterfaces/vst/ivstaudioprocessor.h"

namespace vstkit::host {

/// The AudioBusBuffers a host hands over for every audio bus of one
/// direction. VST3 wants buffers for each bus, active or not: the caller
/// supplies the main bus's channels, and the rest (a sidechain, channels the
/// caller did not supply) get preallocated scratch channels. Attaching never
/// allocates, so it may run on the audio thread.
class BusBuffers final {
  public:
    /// Main thread. Sizes scratch channels for the given channel count per bus.
    void prepare(std::span<const Steinberg::int32> channelsPerBus, Steinberg::int32 maxFrames);

    /// Audio thread. Points every bus at its channels for a block of `frames`
    /// samples and returns the array of buses (null when there are none).
    /// Scratch inputs are silenced first: plugins may read them.
    [[nodiscard]] Steinberg::Vst::AudioBusBuffers* attach(std::span<float* const> mainChannels,
                                                          Steinberg::int32 frames,
                                                          bool silenceScratch) noexcept {
        return attachAs(channels32_, mainChannels, frames, silenceScratch);
    }
    [[nodiscard]] Steinberg::Vst::AudioBusBuffers* attach(std::span<double* const> mainChannels,
                                                          Steinberg::int32 frames,
                                                          bool silenceScratch) noexcept {
        return attachAs(channels64_, mainChannels, frames, silenceScratch);
    }

    [[nodiscard]] Steinberg::int32 busCount() const noexcept {
        return static_cast<Steinberg::int32>(buses_.size());
    }

  private:
    /// The channel pointers and scratch channels of one sample type. Each
    /// scratch channel's pointer is in place from prepare() on, so a block
    /// only writes the main bus's pointers the caller supplies.
    template <typename Sample>
    struct Channels {
        std::vector<std::vector<Sample>> scratch;  // One per channel, bus after bus.
        std::vector<Sample*> pointers;
        void prepare(std::size_t channels, std::size_t frames);
    };

    /// Inline: a block of a stereo plugin is a few stores, and a call with
    /// its set-up cost as much again.
    template <typename Sample>
    Steinberg::Vst::AudioBusBuffers* attachAs(Channels<Sample>& channels,
                                              std::span<Sample* const> mainChannels,
                                              Steinberg::int32 frames,
                                              bool silenceScratch) noexcept {
        if (buses_.empty()) {
            return nullptr;
        }
        Sample** const pointers = channels.pointers.data();
        // The caller's channels, then scratch for the main channels it lacks
        // and for every other bus. A plugin may have written anything into a
        // scratch channel or the pointer array last block: both are restored.
        const std::size_t given = std::min(mainChannels.size(), mainChannels_);
        for (std::size_t channel = 0; channel < given; ++channel) {
            pointers[channel] = mainChannels[channel];
        }
        if (given < totalChannels_) {
            restoreScratch(channels, given, frames, silenceScratch);
        }
        Sample** first = pointers;
        for (std::size_t bus = 0; bus < buses_.size(); ++bus) {
            auto& buffers = buses_[bus];
            buffers.numChannels = channelsPerBus_[bus];
            buffers.silenceFlags = 0;
            if constexpr (std::is_same_v<Sample, double>) {
                buffers.channelBuffers64 = first;
            } else {
                buffers.channelBuffers32 = first;
            }
            first += channelsPerBus_[bus];
        }
        return buses_.data();
    }

    /// Points channels [from, all) at their scratch, silenced if asked.
    template <typename Sample>
    void restoreScratch(Channels<Sample>& channels, std::size_t from, Steinberg::int32 frames,
                        bool silence) noexcept;

    std::vector<Steinberg::Vst::AudioBusBuffers> buses_;
    std::vector<Steinberg::int32> channelsPerBus_;
    std::size_t mainChannels_ = 0;
    std::size_t totalChannels_ = 0;
    Channels<float> channels32_;
    Channels<double> channels64_;
};

}  // namespace vstkit::host
