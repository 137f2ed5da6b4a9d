#include "plugin_instance.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <type_traits>

#include "host_error.h"
#include "memory_stream.h"
#include "pluginterfaces/vst/vstspeaker.h"
#include "strings.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

template <typename Interface>
IPtr<Interface> queryAs(FUnknown* object) {
    void* found = nullptr;
    if (object != nullptr && object->queryInterface(Interface::iid, &found) == kResultOk) {
        return owned(static_cast<Interface*>(found));
    }
    return nullptr;
}

template <typename Interface>
IPtr<Interface> createFromFactory(IPluginFactory& factory, const TUID cid) {
    void* created = nullptr;
    if (factory.createInstance(cid, Interface::iid, &created) != kResultOk || created == nullptr) {
        return nullptr;
    }
    return owned(static_cast<Interface*>(created));
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

PluginInstance::PluginInstance(const Module& module, const ClassDescription& audioClass,
                               Vst::IHostApplication& host)
    : handler_(owned(new ComponentHandler)), outputChanges_(owned(new ParameterChanges)) {
    component_ = createFromFactory<Vst::IComponent>(module.factory(), audioClass.cid);
    if (!component_) {
        throw HostError("the factory could not create the component '" + audioClass.name + "'");
    }
    if (component_->initialize(&host) != kResultOk) {
        throw HostError("the component refused initialize()");
    }
    try {
        connect(module, host);
    } catch (...) {
        // Whatever was initialised is terminated, as a DAW would on failure.
        if (controller_ && !controllerIsComponent_ && controllerInitialised_) {
            controller_->terminate();
        }
        component_->terminate();
        throw;
    }
}

void PluginInstance::connect(const Module& module, Vst::IHostApplication& host) {
    processor_ = queryAs<Vst::IAudioProcessor>(component_);
    if (!processor_) {
        throw HostError("the component has no IAudioProcessor");
    }
    controller_ = queryAs<Vst::IEditController>(component_);
    controllerIsComponent_ = static_cast<bool>(controller_);
    if (!controller_) {
        TUID controllerCid{};
        if (component_->getControllerClassId(controllerCid) != kResultOk) {
            throw HostError("the component names no edit controller");
        }
        controller_ = createFromFactory<Vst::IEditController>(module.factory(), controllerCid);
        if (!controller_) {
            throw HostError("the edit controller could not be created");
        }
        if (controller_->initialize(&host) != kResultOk) {
            throw HostError("the edit controller refused initialize()");
        }
        controllerInitialised_ = true;
        componentConnection_ = queryAs<Vst::IConnectionPoint>(component_);
        controllerConnection_ = queryAs<Vst::IConnectionPoint>(controller_);
        if (componentConnection_ && controllerConnection_) {
            componentConnection_->connect(controllerConnection_);
            controllerConnection_->connect(componentConnection_);
        }
    }
    controller_->setComponentHandler(handler_);
    // A plugin reports output changes of its own parameters only: room for
    // each of them, and no more (a fixed 64 cost 66 KB per instance).
    outputChanges_ = owned(new ParameterChanges(
        static_cast<std::size_t>(std::max(controller_->getParameterCount(), int32{1}))));
    const auto state = saveComponentState();
    auto stream = owned(new MemoryStream(state));
    controller_->setComponentState(stream);
}

PluginInstance::~PluginInstance() {
    stop();
    if (componentConnection_ && controllerConnection_) {
        componentConnection_->disconnect(controllerConnection_);
        controllerConnection_->disconnect(componentConnection_);
    }
    controller_->setComponentHandler(nullptr);
    if (!controllerIsComponent_) {
        controller_->terminate();
    }
    component_->terminate();
}

std::string BusLayout::text() const {
    const auto describe = [](const std::vector<int32>& buses, const char* direction) {
        if (buses.empty()) {
            return "no " + std::string{direction};
        }
        std::string text = std::to_string(buses.front()) + " " + direction;
        for (std::size_t bus = 1; bus < buses.size(); ++bus) {
            text += " + " + std::to_string(buses[bus]) + " aux " + direction;
        }
        return text;
    };
    return describe(inputChannels, "in") + ", " + describe(outputChannels, "out");
}

BusLayout PluginInstance::readBusLayout() const {
    BusLayout layout;
    for (const auto direction : {Vst::kInput, Vst::kOutput}) {
        auto& channels = direction == Vst::kInput ? layout.inputChannels : layout.outputChannels;
        const int32 count = component_->getBusCount(Vst::kAudio, direction);
        for (int32 index = 0; index < count; ++index) {
            Vst::SpeakerArrangement arrangement = 0;
            Vst::BusInfo info{};
            if (processor_->getBusArrangement(direction, index, arrangement) == kResultOk) {
                channels.push_back(Vst::SpeakerArr::getChannelCount(arrangement));
            } else if (component_->getBusInfo(Vst::kAudio, direction, index, info) == kResultOk) {
                channels.push_back(info.channelCount);
            } else {
                channels.push_back(0);
            }
        }
    }
    return layout;
}

bool PluginInstance::requestMainChannels(int32 channels) {
    const Vst::SpeakerArrangement wanted =
        channels == 1 ? Vst::SpeakerArr::kMono : Vst::SpeakerArr::kStereo;
    std::vector<Vst::SpeakerArrangement> inputs;
    std::vector<Vst::SpeakerArrangement> outputs;
    for (const auto direction : {Vst::kInput, Vst::kOutput}) {
        auto& arrangements = direction == Vst::kInput ? inputs : outputs;
        const int32 count = component_->getBusCount(Vst::kAudio, direction);
        for (int32 index = 0; index < count; ++index) {
            Vst::SpeakerArrangement current = 0;
            processor_->getBusArrangement(direction, index, current);
            arrangements.push_back(index == 0 ? wanted : current);
        }
    }
    return processor_->setBusArrangements(inputs.data(), static_cast<int32>(inputs.size()),
                                          outputs.data(),
                                          static_cast<int32>(outputs.size())) == kResultTrue;
}

void PluginInstance::start(const ProcessConfig& config) {
    stop();
    config_ = config;
    if (config.channels > 0 && !requestMainChannels(config.channels)) {
        throw HostError("the plugin refused a " + std::to_string(config.channels) +
                        "-channel bus arrangement");
    }
    layout_ = readBusLayout();
    // Hosts activate the main buses and those the plugin wants active; the
    // rest (a sidechain nobody connected) stay off but still get buffers.
    for (const auto direction : {Vst::kInput, Vst::kOutput}) {
        const int32 count = component_->getBusCount(Vst::kAudio, direction);
        for (int32 index = 0; index < count; ++index) {
            Vst::BusInfo info{};
            if (component_->getBusInfo(Vst::kAudio, direction, index, info) == kResultOk &&
                (info.busType == Vst::kMain || (info.flags & Vst::BusInfo::kDefaultActive) != 0)) {
                component_->activateBus(Vst::kAudio, direction, index, true);
            }
        }
    }
    inputBuffers_.prepare(layout_.inputChannels, config.maxBlockFrames);
    outputBuffers_.prepare(layout_.outputChannels, config.maxBlockFrames);
    Vst::ProcessSetup setup{config.processMode, config.sampleSize, config.maxBlockFrames,
                            config.sampleRate};
    if (processor_->setupProcessing(setup) != kResultOk) {
        throw HostError("the plugin refused setupProcessing");
    }
    if (component_->setActive(true) != kResultOk) {
        throw HostError("the plugin refused setActive(true)");
    }
    processor_->setProcessing(true);
    context_ = {};
    context_.sampleRate = config.sampleRate;
    context_.tempo = 120.0;
    context_.timeSigNumerator = 4;
    context_.timeSigDenominator = 4;
    context_.state = Vst::ProcessContext::kPlaying | Vst::ProcessContext::kTempoValid |
                     Vst::ProcessContext::kTimeSigValid;
    // What stays the same from block to block is set once, as a DAW's engine
    // does; processBlock() fills in the rest.
    processData_ = {};
    processData_.processMode = config.processMode;
    processData_.numInputs = inputBuffers_.busCount();
    processData_.numOutputs = outputBuffers_.busCount();
    processData_.outputParameterChanges = outputChanges_;
    processData_.processContext = &context_;
    running_ = true;
}

void PluginInstance::stop() {
    if (!running_) {
        return;
    }
    processor_->setProcessing(false);
    component_->setActive(false);
    running_ = false;
}

void PluginInstance::setBeforePlayback(
    std::span<const std::pair<Vst::ParamID, double>> normalizedValues) {
    auto changes = owned(new ParameterChanges(normalizedValues.size()));
    for (const auto& [id, value] : normalizedValues) {
        controller_->setParamNormalized(id, value);
        changes->add(id, 0, value);
    }
    if (config_.sampleSize == Vst::kSample64) {
        process64({}, {}, 0, changes);
    } else {
        process({}, {}, 0, changes);
    }
    start(config_);
}

template <typename Sample>
tresult PluginInstance::processBlock(std::span<Sample* const> inputs,
                                     std::span<Sample* const> outputs, int32 frames,
                                     Vst::IParameterChanges* changes) noexcept {
    constexpr bool kDouble = std::is_same_v<Sample, double>;
    outputChanges_->clear();

    // The fields that change per block; start() set the others.
    Vst::ProcessData& data = processData_;
    data.symbolicSampleSize = kDouble ? Vst::kSample64 : Vst::kSample32;
    data.numSamples = frames;
    data.inputs = inputBuffers_.attach(inputs, frames, true);
    data.outputs = outputBuffers_.attach(outputs, frames, false);
    if (data.inputs != nullptr) {
        data.inputs[0].silenceFlags = inputSilenceFlags_;
    }
    data.inputParameterChanges = changes;
    const tresult result = processor_->process(data);
    outputSilenceFlags_ = data.outputs != nullptr ? data.outputs[0].silenceFlags : 0;
    context_.projectTimeSamples += frames;
    return result;
}

tresult PluginInstance::process(std::span<float* const> inputs, std::span<float* const> outputs,
                                int32 frames, Vst::IParameterChanges* changes) noexcept {
    return processBlock<float>(inputs, outputs, frames, changes);
}

tresult PluginInstance::process64(std::span<double* const> inputs, std::span<double* const> outputs,
                                  int32 frames, Vst::IParameterChanges* changes) noexcept {
    return processBlock<double>(inputs, outputs, frames, changes);
}

tresult PluginInstance::flushParameters(Vst::IParameterChanges* changes) noexcept {
    outputChanges_->clear();
    Vst::ProcessData data{};
    data.processMode = config_.processMode;
    data.symbolicSampleSize = config_.sampleSize;
    data.numSamples = 0;
    data.inputParameterChanges = changes;
    data.outputParameterChanges = outputChanges_;
    data.processContext = &context_;
    return processor_->process(data);
}

std::vector<Vst::ParameterInfo> PluginInstance::parameters() const {
    std::vector<Vst::ParameterInfo> infos;
    const int32 count = controller_->getParameterCount();
    for (int32 index = 0; index < count; ++index) {
        Vst::ParameterInfo info{};
        if (controller_->getParameterInfo(index, info) == kResultOk) {
            infos.push_back(info);
        }
    }
    return infos;
}

std::optional<Vst::ParameterInfo> PluginInstance::findParameter(std::string_view nameOrId) const {
    Vst::ParamID numericId = 0;
    const auto [end, error] =
        std::from_chars(nameOrId.data(), nameOrId.data() + nameOrId.size(), numericId);
    const bool isNumber = error == std::errc{} && end == nameOrId.data() + nameOrId.size();
    for (const auto& info : parameters()) {
        if ((isNumber && info.id == numericId) ||
            equalsIgnoringCase(toUtf8(info.title), nameOrId)) {
            return info;
        }
    }
    return std::nullopt;
}

std::optional<double> PluginInstance::normalizedFromText(Vst::ParamID id,
                                                         std::string_view text) const {
    std::u16string wide = toUtf16(text);
    // Sized once with its terminator (TChar is wchar_t on Windows, char16_t elsewhere).
    std::vector<Vst::TChar> buffer(wide.size() + 1, Vst::TChar{0});
    std::copy(wide.begin(), wide.end(), buffer.begin());
    Vst::ParamValue normalized = 0.0;
    if (controller_->getParamValueByString(id, buffer.data(), normalized) != kResultOk) {
        return std::nullopt;
    }
    return normalized;
}

std::string PluginInstance::textFromNormalized(Vst::ParamID id, double normalized) const {
    Vst::String128 text{};
    if (controller_->getParamStringByValue(id, normalized, text) != kResultOk) {
        return {};
    }
    return toUtf8(text);
}

std::vector<std::uint8_t> PluginInstance::saveComponentState() const {
    auto stream = owned(new MemoryStream);
    component_->getState(stream);
    return stream->bytes();
}

std::vector<std::uint8_t> PluginInstance::saveControllerState() const {
    auto stream = owned(new MemoryStream);
    controller_->getState(stream);
    return stream->bytes();
}

tresult PluginInstance::loadComponentState(std::span<const std::uint8_t> state) {
    auto stream = owned(new MemoryStream(state));
    const tresult result = component_->setState(stream);
    // A DAW hands the controller the same blob it gave the component.
    auto controllerStream = owned(new MemoryStream(state));
    controller_->setComponentState(controllerStream);
    return result;
}

tresult PluginInstance::loadControllerState(std::span<const std::uint8_t> state) {
    auto stream = owned(new MemoryStream(state));
    return controller_->setState(stream);
}

}  // namespace vstkit::host
