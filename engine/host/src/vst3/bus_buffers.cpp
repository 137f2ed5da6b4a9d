#include "bus_buffers.h"

#include <algorithm>
#include <numeric>

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

template <typename Sample>
void BusBuffers::restoreScratch(Channels<Sample>& channels, std::size_t from, int32 frames,
                                bool silence) noexcept {
    const auto length = static_cast<std::size_t>(std::max(frames, int32{0}));
    for (std::size_t channel = from; channel < totalChannels_; ++channel) {
        auto& samples = channels.scratch[channel];
        if (silence) {
            std::fill_n(samples.begin(), std::min(samples.size(), length), Sample{0});
        }
        channels.pointers[channel] = samples.data();
    }
}

template void BusBuffers::restoreScratch(Channels<float>&, std::size_t, int32, bool) noexcept;
template void BusBuffers::restoreScratch(Channels<double>&, std::size_t, int32, bool) noexcept;

}  // namespace vstkit::host
