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

constexpr std::size_t kMaxChannels = 2;

[[nodiscard]] bool isMonoOrStereo(Vst::SpeakerArrangement arrangement) noexcept {
    return arrangement == Vst::SpeakerArr::kMono || arrangement == Vst::SpeakerArr::kStereo;
}

}  // namespace

PluginComponent::PluginComponent() : core_(core::pluginDefinition()) {
    setControllerClass(FUID::fromTUID(
        reinterpret_cast<const char*>(core::pluginDefinition().identity.vst3ControllerId.data())));
    for (const auto& spec : core_.parameters()) {
        paramIds_.push_back(paramIdOf(spec));
    }
}

std::optional<std::size_t> PluginComponent::rowOf(Vst::ParamID id) const noexcept {
    for (std::size_t row = 0; row < core_.parameters().size(); ++row) {
        if (paramIds_[row] == id) {
            return row;
        }
    }
    return std::nullopt;
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
    // One main bus each way; stereo until the host asks for mono.
    audioInputs.emplace_back(owned(new Vst::AudioBus(
        STR16("Stereo"), Vst::kMain, Vst::BusInfo::kDefaultActive, Vst::SpeakerArr::kStereo)));
    audioOutputs.emplace_back(owned(new Vst::AudioBus(
        STR16("Stereo"), Vst::kMain, Vst::BusInfo::kDefaultActive, Vst::SpeakerArr::kStereo)));
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
    if (numIns != 1 || numOuts != 1 || inputs == nullptr || outputs == nullptr ||
        inputs[0] != outputs[0] || !isMonoOrStereo(inputs[0])) {
        return kResultFalse;
    }
    if (audioInputs.empty() || audioOutputs.empty()) {
        return kResultFalse;  // Before initialize() or after terminate().
    }
    arrangement_ = inputs[0];
    const auto* name = arrangement_ == Vst::SpeakerArr::kMono ? STR16("Mono") : STR16("Stereo");
    for (auto* buses : {&audioInputs, &audioOutputs}) {
        if (auto* bus = FCast<Vst::AudioBus>(buses->at(0))) {
            bus->setArrangement(arrangement_);
            bus->setName(name);
        }
    }
    return kResultTrue;
}

tresult PLUGIN_API PluginComponent::getBusArrangement(Vst::BusDirection /*dir*/, int32 index,
                                                      Vst::SpeakerArrangement& arrangement) {
    if (index != 0) {
        return kInvalidArgument;
    }
    arrangement = arrangement_;
    return kResultOk;
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
        const auto row = rowOf(queue->getParameterId());
        if (!row) {
            continue;
        }
        const int32 points = queue->getPointCount();
        for (int32 p = 0; p < points; ++p) {
            int32 offset = 0;
            Vst::ParamValue normalized = 0.0;
            if (queue->getPoint(p, offset, normalized) != kResultOk) {
                continue;
            }
            const float plain =
                protocol::fromNormalized(core_.parameters()[*row], static_cast<float>(normalized));
            core_.events().add({static_cast<std::uint32_t>(std::max(offset, 0)),
                                static_cast<std::uint32_t>(*row), plain},
                               p == points - 1);
        }
    }
}

std::size_t PluginComponent::activeChannels(const Vst::ProcessData& data) const noexcept {
    const auto bus = static_cast<std::size_t>(std::max(data.outputs[0].numChannels, 0));
    return std::min(bus, kMaxChannels);
}

void PluginComponent::process32(Vst::ProcessData& data, std::size_t channels) noexcept {
    const auto frames = static_cast<std::size_t>(data.numSamples);
    float* const* const outputs = data.outputs[0].channelBuffers32;
    const bool hasInput =
        data.numInputs > 0 && data.inputs != nullptr && data.inputs[0].channelBuffers32 != nullptr;
    float* const* const inputs = hasInput ? data.inputs[0].channelBuffers32 : nullptr;
    const std::size_t inputChannels =
        hasInput
            ? std::min(static_cast<std::size_t>(std::max(data.inputs[0].numChannels, 0)), channels)
            : 0;
    // The gain runs in place on the outputs (null ones are skipped there).
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
    core_.process(std::span<float* const>{outputs, channels}, frames);
}

void PluginComponent::process64(Vst::ProcessData& data, std::size_t channels) noexcept {
    const auto frames = static_cast<std::size_t>(data.numSamples);
    Vst::AudioBusBuffers& out = data.outputs[0];
    const Vst::AudioBusBuffers* in = data.numInputs > 0 ? data.inputs : nullptr;
    for (std::size_t done = 0; done < frames;) {
        const std::size_t slice = std::min(frames - done, kConversionFrames);
        std::array<float*, kMaxChannels> buffers{};
        for (std::size_t c = 0; c < channels; ++c) {
            float* const scratch = conversion_.data() + c * kConversionFrames;
            const double* const source = in != nullptr && static_cast<int32>(c) < in->numChannels &&
                                                 in->channelBuffers64 != nullptr
                                             ? in->channelBuffers64[c]
                                             : nullptr;
            for (std::size_t i = 0; i < slice; ++i) {
                scratch[i] = source == nullptr ? 0.0F : static_cast<float>(source[done + i]);
            }
            buffers[c] = scratch;
        }
        core_.processSlice(std::span<float* const>{buffers.data(), channels}, done, slice,
                           done + slice == frames);
        for (std::size_t c = 0; c < channels; ++c) {
            if (double* const target = out.channelBuffers64[c]) {
                for (std::size_t i = 0; i < slice; ++i) {
                    target[done + i] = static_cast<double>(buffers[c][i]);
                }
            }
        }
        done += slice;
    }
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
    if (data.symbolicSampleSize == Vst::kSample64) {
        process64(data, channels);
    } else {
        process32(data, channels);
    }
    // Gain keeps silence silent, so silent inputs make silent outputs (and
    // a missing input was written as zeros). Only our channels' bits.
    const bool hasInput = data.numInputs > 0 && data.inputs != nullptr;
    const std::uint64_t ourChannels = (std::uint64_t{1} << channels) - 1;
    data.outputs[0].silenceFlags =
        (hasInput ? data.inputs[0].silenceFlags : ~std::uint64_t{0}) & ourChannels;
    return kResultOk;
}

}  // namespace vstkit::formats::vst3
