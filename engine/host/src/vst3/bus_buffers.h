#pragma once

#include <span>
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
                                                          bool silenceScratch) noexcept;
    [[nodiscard]] Steinberg::Vst::AudioBusBuffers* attach(std::span<double* const> mainChannels,
                                                          Steinberg::int32 frames,
                                                          bool silenceScratch) noexcept;

    [[nodiscard]] Steinberg::int32 busCount() const noexcept {
        return static_cast<Steinberg::int32>(buses_.size());
    }

  private:
    template <typename Sample>
    Steinberg::Vst::AudioBusBuffers* attachAs(std::span<Sample* const> mainChannels,
                                              Steinberg::int32 frames,
                                              bool silenceScratch) noexcept;

    std::vector<Steinberg::Vst::AudioBusBuffers> buses_;
    std::vector<Steinberg::int32> channelsPerBus_;
    // One entry per channel of every bus, bus after bus.
    std::vector<std::vector<float>> scratch32_;
    std::vector<std::vector<double>> scratch64_;
    std::vector<float*> pointers32_;
    std::vector<double*> pointers64_;
};

}  // namespace vstkit::host
