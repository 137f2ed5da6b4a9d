#include "bus_buffers.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

namespace vstkit::host {

using namespace Steinberg;

void BusBuffers::prepare(std::span<const int32> channelsPerBus, int32 maxFrames) {
    channelsPerBus_.assign(channelsPerBus.begin(), channelsPerBus.end());
    buses_.assign(channelsPerBus.size(), Vst::AudioBusBuffers{});
    const auto channels = static_cast<std::size_t>(
        std::accumulate(channelsPerBus.begin(), channelsPerBus.end(), int32{0}));
    const auto frames = static_cast<std::size_t>(std::max(maxFrames, int32{1}));
    scratch32_.assign(channels, std::vector<float>(frames, 0.0F));
    scratch64_.assign(channels, std::vector<double>(frames, 0.0));
    pointers32_.assign(channels, nullptr);
    pointers64_.assign(channels, nullptr);
}

Vst::AudioBusBuffers* BusBuffers::attach(std::span<float* const> mainChannels, int32 frames,
                                         bool silenceScratch) noexcept {
    return attachAs<float>(mainChannels, frames, silenceScratch);
}

Vst::AudioBusBuffers* BusBuffers::attach(std::span<double* const> mainChannels, int32 frames,
                                         bool silenceScratch) noexcept {
    return attachAs<double>(mainChannels, frames, silenceScratch);
}

template <typename Sample>
Vst::AudioBusBuffers* BusBuffers::attachAs(std::span<Sample* const> mainChannels, int32 frames,
                                           bool silenceScratch) noexcept {
    constexpr bool kDouble = std::is_same_v<Sample, double>;
    auto& scratch = [this]() -> auto& {
        if constexpr (kDouble) {
            return scratch64_;
        } else {
            return scratch32_;
        }
    }
    ();
    auto& pointers = [this]() -> auto& {
        if constexpr (kDouble) {
            return pointers64_;
        } else {
            return pointers32_;
        }
    }
    ();
    std::size_t channel = 0;
    for (std::size_t bus = 0; bus < buses_.size(); ++bus) {
        Sample** const first = pointers.data() + channel;
        for (int32 index = 0; index < channelsPerBus_[bus]; ++index, ++channel) {
            const auto mainIndex = static_cast<std::size_t>(index);
            if (bus == 0 && mainIndex < mainChannels.size()) {
                pointers[channel] = mainChannels[mainIndex];
                continue;
            }
            auto& samples = scratch[channel];
            if (silenceScratch) {
                std::fill_n(samples.begin(),
                            std::min(samples.size(), static_cast<std::size_t>(std::max(frames, 0))),
                            Sample{0});
            }
            pointers[channel] = samples.data();
        }
        auto& buffers = buses_[bus];
        buffers.numChannels = channelsPerBus_[bus];
        buffers.silenceFlags = 0;
        if constexpr (kDouble) {
            buffers.channelBuffers64 = first;
        } else {
            buffers.channelBuffers32 = first;
        }
    }
    return buses_.empty() ? nullptr : buses_.data();
}

}  // namespace vstkit::host
