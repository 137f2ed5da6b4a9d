#include "plugin_component.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "pluginterfaces/vst/ivstparameterchanges.h"
#include "shared_parameters_message.h"
#include "state_loading.h"
#include "stream_io.h"
#include "vstkit/core/realtime_guard.h"
#include "vstkit/formats/vst3/param_ids.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

namespace {

constexpr std::size_t kMaxChannels = core::kMaxLayoutChannels;

[[nodiscard]] Vst::SpeakerArrangement arrangementOf(std::uint32_t channels) noexcept {
    return channels == 1 ? Vst::SpeakerArr::kMono : Vst::SpeakerArr::kStereo;
}

[[nodiscard]] const Vst::TChar* busNameOf(std::uint32_t channels) noexcept {
    return channels == 1 ? STR16("Mono") : STR16("Stereo");
}

/// 1 for mono, 2 for stereo, 0 for any other arrangement (refused).
[[nodiscard]] std::uint32_t channelsOf(Vst::SpeakerArrangement arrangement) noexcept {
    if (arrangement == Vst::SpeakerArr::kMono) {
        return 1;
    }
    return arrangement == Vst::SpeakerArr::kStereo ? 2 : 0;
}

}  // namespace

PluginComponent::PluginComponent()
    : core_(core::pluginDefinition()),
      audio_(core::pluginDefinition().audio),
      layout_(audio_.layouts.front()) {
    setControllerClass(FUID::fromTUID(
        reinterpret_cast<const char*>(core::pluginDefinition().identity.vst3ControllerId.data())));
    for (std::size_t row = 0; row < core_.parameters().size(); ++row) {
        rowsById_.emplace_back(paramIdOf(core_.parameters()[row]), static_cast<std::uint32_t>(row));
    }
    std::sort(rowsById_.begin(), rowsById_.end());
}

PluginComponent::~PluginComponent() {
    if (sharedId_ != 0) {
        unregisterSharedParameters(sharedId_);
    }
}

FUnknown* PluginComponent::create(void* /*context*/) {
    return static_cast<Vst::IAudioProcessor*>(new PluginComponent);
}

tresult PLUGIN_API PluginComponent::initialize(FUnknown* context) {
    const tresult result = Vst::Component::initialize(context);
    if (result != kResultOk) {
        return result;
    }
    // One main bus each way (no input bus for a plugin without inputs), in
    // the plugin's first layout until the host asks for another.
    if (layout_.inputs > 0) {
        audioInputs.emplace_back(
            owned(new Vst::AudioBus(busNameOf(layout_.inputs), Vst::kMain,
                                    Vst::BusInfo::kDefaultActive, arrangementOf(layout_.inputs))));
    }
    audioOutputs.emplace_back(
        owned(new Vst::AudioBus(busNameOf(layout_.outputs), Vst::kMain,
                                Vst::BusInfo::kDefaultActive, arrangementOf(layout_.outputs))));
    return kResultOk;
}

tresult PLUGIN_API PluginComponent::connect(Vst::IConnectionPoint* other) {
    const tresult result = Vst::Component::connect(other);
    if (result != kResultOk) {
        return result;
    }
    // Tell the controller where this instance's values live (see the message).
    try {
        if (sharedId_ == 0) {
            sharedId_ = registerSharedParameters(core_.shared());
        }
        if (IPtr<Vst::IMessage> message = owned(allocateMessage())) {
            writeSharedParametersId(*message, sharedId_);
            sendMessage(message);
        }
    } catch (...) {
        // The controller then follows the host's values only; audio is unaffected.
    }
    return kResultOk;
}

tresult PLUGIN_API PluginComponent::setBusArrangements(Vst::SpeakerArrangement* inputs,
                                                       int32 numIns,
                                                       Vst::SpeakerArrangement* outputs,
                                                       int32 numOuts) {
    if (audioOutputs.empty()) {
        return kResultFalse;  // Before initialize() or after terminate().
    }
    const auto inputBuses = static_cast<int32>(audioInputs.size());
    if (numIns != inputBuses || numOuts != 1 || outputs == nullptr ||
        (numIns > 0 && inputs == nullptr)) {
        return kResultFalse;
    }
    const core::ChannelLayout asked{numIns > 0 ? channelsOf(inputs[0]) : 0, channelsOf(outputs[0])};
    if ((numIns > 0 && asked.inputs == 0) || !audio_.accepts(asked)) {
        return kResultFalse;
    }
    layout_ = asked;
    if (numIns > 0) {
        if (auto* bus = FCast<Vst::AudioBus>(audioInputs.at(0))) {
            bus->setArrangement(arrangementOf(layout_.inputs));
            bus->setName(busNameOf(layout_.inputs));
        }
    }
    if (auto* bus = FCast<Vst::AudioBus>(audioOutputs.at(0))) {
        bus->setArrangement(arrangementOf(layout_.outputs));
        bus->setName(busNameOf(layout_.outputs));
    }
    return kResultTrue;
}

tresult PLUGIN_API PluginComponent::getBusArrangement(Vst::BusDirection dir, int32 index,
                                                      Vst::SpeakerArrangement& arrangement) {
    const auto& buses = dir == Vst::kInput ? audioInputs : audioOutputs;
    if (index < 0 || index >= static_cast<int32>(buses.size())) {
        return kInvalidArgument;
    }
    arrangement = arrangementOf(dir == Vst::kInput ? layout_.inputs : layout_.outputs);
    return kResultOk;
}

uint32 PLUGIN_API PluginComponent::getLatencySamples() {
    return audio_.latencySamples;
}

uint32 PLUGIN_API PluginComponent::getTailSamples() {
    if (audio_.tail.kind() == core::TailLength::Kind::NoTail) {
        return Vst::kNoTail;
    }
    if (audio_.tail.isUnbounded()) {
        return Vst::kInfiniteTail;
    }
    // At least one sample: 0 would read as kNoTail.
    return std::max<uint32>(audio_.tail.inSamples(setup_.sampleRate), 1);
}

tresult PLUGIN_API PluginComponent::canProcessSampleSize(int32 symbolicSampleSize) {
    return symbolicSampleSize == Vst::kSample32 || symbolicSampleSize == Vst::kSample64
               ? kResultTrue
               : kResultFalse;
}

tresult PLUGIN_API PluginComponent::setupProcessing(Vst::ProcessSetup& setup) {
    if (canProcessSampleSize(setup.symbolicSampleSize) != kResultTrue) {
        return kResultFalse;
    }
    setup_ = setup;
    setup_.maxSamplesPerBlock = std::max(setup.maxSamplesPerBlock, 1);
    return kResultOk;
}

tresult PLUGIN_API PluginComponent::setActive(TBool state) {
    if (state) {
        core_.prepare(setup_.sampleRate, static_cast<std::size_t>(setup_.maxSamplesPerBlock));
    }
    return Vst::Component::setActive(state);
}

tresult PLUGIN_API PluginComponent::setProcessing(TBool state) {
    const core::RealtimeGuard guard;
    if (state) {
        resetPending_.store(true, std::memory_order_release);
    }
    return kResultOk;
}

tresult PLUGIN_API PluginComponent::setState(IBStream* state) {
    try {
        const auto blob = readWholeStream(state, kMaxComponentStateBytes);
        if (!blob) {
            return kResultFalse;  // Too large or unreadable: nothing changes.
        }
        const auto parsed = parseComponentState(core_.parameters(), *blob);
        if (!parsed.values) {
            return kResultFalse;  // Malformed: nothing changes.
        }
        core_.loadValues(*parsed.values);
        return kResultOk;
    } catch (...) {
        return kOutOfMemory;  // Nothing was changed.
    }
}

tresult PLUGIN_API PluginComponent::getState(IBStream* state) {
    try {
        return writeWholeStream(state, core_.saveState()) ? kResultOk : kResultFalse;
    } catch (...) {
        return kOutOfMemory;
    }
}

void PluginComponent::collectParameterChanges(Vst::IParameterChanges* changes) noexcept {
    if (changes == nullptr) {
        return;
    }
    const int32 queues = changes->getParameterCount();
    for (int32 q = 0; q < queues; ++q) {
        Vst::IParamValueQueue* queue = changes->getParameterData(q);
        if (queue == nullptr) {
            continue;
        }
        const auto id = queue->getParameterId();
        const auto found = std::lower_bound(rowsById_.begin(), rowsById_.end(),
                                            std::pair<Vst::ParamID, std::uint32_t>{id, 0});
        if (found == rowsById_.end() || found->first != id) {
            continue;
        }
        const std::uint32_t row = found->second;
        const int32 points = queue->getPointCount();
        for (int32 p = 0; p < points; ++p) {
            int32 offset = 0;
            Vst::ParamValue normalized = 0.0;
            if (queue->getPoint(p, offset, normalized) != kResultOk) {
                continue;
            }
            const float plain =
                protocol::fromNormalized(core_.parameters()[row], static_cast<float>(normalized));
            core_.events().add({static_cast<std::uint32_t>(std::max(offset, 0)), row, plain},
                               p == points - 1);
        }
    }
}

std::size_t PluginComponent::activeChannels(const Vst::ProcessData& data) const noexcept {
    const auto bus = static_cast<std::size_t>(std::max(data.outputs[0].numChannels, 0));
    return std::min({bus, static_cast<std::size_t>(layout_.outputs), kMaxChannels});
}

core::ProcessStatus PluginComponent::process32(Vst::ProcessData& data,
                                               std::size_t channels) noexcept {
    const auto frames = static_cast<std::size_t>(data.numSamples);
    float* const* const outputs = data.outputs[0].channelBuffers32;
    const bool hasInput =
        data.numInputs > 0 && data.inputs != nullptr && data.inputs[0].channelBuffers32 != nullptr;
    float* const* const inputs = hasInput ? data.inputs[0].channelBuffers32 : nullptr;
    const std::size_t inputChannels =
        hasInput ? std::min({static_cast<std::size_t>(std::max(data.inputs[0].numChannels, 0)),
                             static_cast<std::size_t>(layout_.inputs), channels})
                 : 0;
    // The processor runs in place on the outputs (null ones are skipped there).
    for (std::size_t c = 0; c < channels; ++c) {
        float* const target = outputs[c];
        const float* const source = c < inputChannels ? inputs[c] : nullptr;
        if (target == nullptr || source == target) {
            continue;  // In place is the common case.
        }
        if (source == nullptr) {
            std::fill_n(target, frames, 0.0F);
        } else {
            std::memcpy(target, source, frames * sizeof(float));
        }
    }
    return core_.process(std::span<float* const>{outputs, channels}, frames);
}

core::ProcessStatus PluginComponent::process64(Vst::ProcessData& data,
                                               std::size_t channels) noexcept {
    const auto frames = static_cast<std::size_t>(data.numSamples);
    Vst::AudioBusBuffers& out = data.outputs[0];
    const Vst::AudioBusBuffers* in = data.numInputs > 0 ? data.inputs : nullptr;
    const auto inputChannels = static_cast<int32>(layout_.inputs);
    auto status = core::ProcessStatus::Normal;
    for (std::size_t done = 0; done < frames;) {
        const std::size_t slice = std::min(frames - done, kConversionFrames);
        std::array<float*, kMaxChannels> buffers{};
        for (std::size_t c = 0; c < channels; ++c) {
            float* const scratch = conversion_.data() + c * kConversionFrames;
            const double* const source = in != nullptr && static_cast<int32>(c) < in->numChannels &&
                                                 static_cast<int32>(c) < inputChannels &&
                                                 in->channelBuffers64 != nullptr
                                             ? in->channelBuffers64[c]
                                             : nullptr;
            for (std::size_t i = 0; i < slice; ++i) {
                scratch[i] = source == nullptr ? 0.0F : static_cast<float>(source[done + i]);
            }
            buffers[c] = scratch;
        }
        status = core::liveliest(
            status, core_.processSlice(std::span<float* const>{buffers.data(), channels}, done,
                                       slice, done + slice == frames));
        for (std::size_t c = 0; c < channels; ++c) {
            if (double* const target = out.channelBuffers64[c]) {
                for (std::size_t i = 0; i < slice; ++i) {
                    target[done + i] = static_cast<double>(buffers[c][i]);
                }
            }
        }
        done += slice;
    }
    return status;
}

std::uint64_t PluginComponent::outputSilenceFlags(const Vst::ProcessData& data,
                                                  std::size_t channels,
                                                  core::ProcessStatus status) const noexcept {
    if (status != core::ProcessStatus::Normal) {
        return 0;  // Ringing on: nothing is known to be silent.
    }
    // Normal: each output is silent where the input it comes from was, and
    // an input the host did not give was read as zeros. A mono-to-stereo
    // plugin's second output comes from the one input.
    const bool hasInput = data.numInputs > 0 && data.inputs != nullptr;
    const std::size_t given =
        hasInput ? static_cast<std::size_t>(std::max(data.inputs[0].numChannels, 0)) : 0;
    const std::uint64_t inputFlags = hasInput ? data.inputs[0].silenceFlags : 0;
    // The usual case in one step: each output from its own input, all given.
    if (layout_.inputs == channels && given >= channels) {
        return inputFlags & ((std::uint64_t{1} << channels) - 1);
    }
    std::uint64_t flags = 0;
    for (std::size_t c = 0; c < channels; ++c) {
        if (layout_.inputs == 0) {
            flags |= std::uint64_t{1} << c;
            continue;
        }
        const std::size_t source = std::min<std::size_t>(c, layout_.inputs - 1);
        if (source >= given || ((inputFlags >> source) & 1U) != 0) {
            flags |= std::uint64_t{1} << c;
        }
    }
    return flags;
}

tresult PLUGIN_API PluginComponent::process(Vst::ProcessData& data) {
    const core::RealtimeGuard guard;
    // A plain load first: a locked exchange on every block costs more than
    // a 64-frame gain. Losing a racing second request only skips a reset.
    if (resetPending_.load(std::memory_order_acquire)) {
        resetPending_.store(false, std::memory_order_relaxed);
        core_.reset();
    }
    collectParameterChanges(data.inputParameterChanges);
    const bool hasAudio =
        data.numSamples > 0 && data.numOutputs > 0 && data.outputs != nullptr &&
        (data.symbolicSampleSize == Vst::kSample64 ? data.outputs[0].channelBuffers64 != nullptr
                                                   : data.outputs[0].channelBuffers32 != nullptr);
    if (!hasAudio) {
        core_.process({}, 0);  // Parameter changes only.
        return kResultOk;
    }
    const std::size_t channels = activeChannels(data);
    const auto status = data.symbolicSampleSize == Vst::kSample64 ? process64(data, channels)
                                                                  : process32(data, channels);
    data.outputs[0].silenceFlags = outputSilenceFlags(data, channels, status);
    return kResultOk;
}

}  // namespace vstkit::formats::vst3
