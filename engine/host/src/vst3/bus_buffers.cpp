#include "bus_buffers.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

namespace vstkit::host {

using namespace Steinberg;

template <typename Sample>
void BusBuffers::Channels<Sample>::prepare(std::size_t channels, std::size_t frames) {
    scratch.assign(channels, std::vector<Sample>(frames, Sample{0}));
    pointers.resize(channels);
    for (std::size_t channel = 0; channel < channels; ++channel) {
        pointers[channel] = scratch[channel].data();
    }
}

void BusBuffers::prepare(std::span<const int32> channelsPerBus, int32 maxFrames) {
    channelsPerBus_.assign(channelsPerBus.begin(), channelsPerBus.end());
    buses_.assign(channelsPerBus.size(), Vst::AudioBusBuffers{});
    totalChannels_ = static_cast<std::size_t>(
        std::accumulate(channelsPerBus.begin(), channelsPerBus.end(), int32{0}));
    mainChannels_ = channelsPerBus.empty() ? 0 : static_cast<std::size_t>(channelsPerBus[0]);
    const auto frames = static_cast<std::size_t>(std::max(maxFrames, int32{1}));
    channels32_.prepare(totalChannels_, frames);
    channels64_.prepare(totalChannels_, frames);
}

Vst::AudioBusBuffers* BusBuffers::attach(std::span<double* const> mainChannels, int32 frames,
                                         bool silenceScratch) noexcept {
    return attachAs(channels64_, mainChannels, frames, silenceScratch);
}

template <typename Sample>
Vst::AudioBusBuffers* BusBuffers::attachAs(Channels<Sample>& channels,
                                           std::span<Sample* const> mainChannels, int32 frames,
                                           bool silenceScratch) noexcept {
    if (buses_.empty()) {
        return nullptr;
    }
    Sample** const pointers = channels.pointers.data();
    // The caller's channels, then scratch for the main channels it lacks and
    // for every other bus. A plugin may have written anything into a
    // scratch channel or the pointer array last block: both are restored.
    const std::size_t given = std::min(mainChannels.size(), mainChannels_);
    for (std::size_t channel = 0; channel < given; ++channel) {
        pointers[channel] = mainChannels[channel];
    }
    const auto length = static_cast<std::size_t>(std::max(frames, int32{0}));
    for (std::size_t channel = given; channel < totalChannels_; ++channel) {
        auto& samples = channels.scratch[channel];
        if (silenceScratch) {
            std::fill_n(samples.begin(), std::min(samples.size(), length), Sample{0});
        }
        pointers[channel] = samples.data();
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

// The inline attach() for floats falls back to this one.
template Vst::AudioBusBuffers* BusBuffers::attachAs<float>(Channels<float>&,
                                                           std::span<float* const>, int32,
                                                           bool) noexcept;

}  // namespace vstkit::host
