#include "clap_plugin.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <string_view>

#include "clap_editor.h"
#include "extensions.h"
#include "stream_io.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/core/realtime_guard.h"
#include "vstkit/formats/clap/abi/tail.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/param_ids.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::formats::clap {
namespace {

// The C functions of clap_plugin, each forwarding to the instance.
const clap_abi::Plugin kCallbacks{
    nullptr,
    nullptr,
    [](const clap_abi::Plugin* p) { return ClapPlugin::of(p).init(); },
    [](const clap_abi::Plugin* p) { delete &ClapPlugin::of(p); },
    [](const clap_abi::Plugin* p, double rate, std::uint32_t /*minFrames*/,
       std::uint32_t maxFrames) { return ClapPlugin::of(p).activate(rate, maxFrames); },
    [](const clap_abi::Plugin* p) { ClapPlugin::of(p).deactivate(); },
    [](const clap_abi::Plugin* p) { return ClapPlugin::of(p).startProcessing(); },
    [](const clap_abi::Plugin* p) { ClapPlugin::of(p).stopProcessing(); },
    [](const clap_abi::Plugin* p) { ClapPlugin::of(p).reset(); },
    [](const clap_abi::Plugin* p, const clap_abi::Process* process) {
        return process == nullptr ? clap_abi::kProcessError : ClapPlugin::of(p).process(*process);
    },
    nullptr,  // get_extension: extensions.cpp
    [](const clap_abi::Plugin* p) { ClapPlugin::of(p).onMainThread(); },
};

const char* portTypeOf(std::uint32_t channels) noexcept {
    return channels == 1 ? clap_abi::kPortMono : clap_abi::kPortStereo;
}

void copyName(std::string_view text, std::span<char> field) noexcept {
    const std::size_t length = std::min(text.size(), field.size() - 1);
    std::memcpy(field.data(), text.data(), length);
    field[length] = '\0';
}

clap_abi::ProcessStatus clapStatusOf(core::ProcessStatus status) noexcept {
    // Normal: silent input gives silent output, so the host may let us sleep;
    // ringing or kept alive: call again.
    return status == core::ProcessStatus::Normal ? clap_abi::kProcessContinueIfNotQuiet
                                                 : clap_abi::kProcessContinue;
}

}  // namespace

ClapPlugin::ClapPlugin(const clap_abi::Host& host, const clap_abi::PluginDescriptor& descriptor)
    : host_(host),
      core_(core::pluginDefinition()),
      audio_(core::pluginDefinition().audio),
      layout_(audio_.layouts.front()),
      lastEventOfRow_(core_.parameters().size(), 0) {
    plugin_ = kCallbacks;
    plugin_.desc = &descriptor;
    plugin_.pluginData = this;
    plugin_.getExtension = [](const clap_abi::Plugin* /*plugin*/, const char* id) {
        return id == nullptr ? nullptr : extensionOf(id);
    };
    const auto table = core_.parameters();
    for (std::size_t row = 0; row < table.size(); ++row) {
        idOfRow_.push_back(protocol::paramIdOf(table[row]));
        rowsById_.emplace_back(idOfRow_.back(), static_cast<std::uint32_t>(row));
    }
    std::sort(rowsById_.begin(), rowsById_.end());
    editor_ = std::make_unique<ClapEditor>(*this, host_);
}

ClapPlugin::~ClapPlugin() = default;

bool ClapPlugin::init() noexcept {
    if (host_.getExtension != nullptr) {
        hostParams_ = static_cast<const clap_abi::HostParams*>(
            host_.getExtension(&host_, clap_abi::kExtParams));
    }
    editor_->init();
    return true;
}

bool ClapPlugin::activate(double sampleRate, std::uint32_t maxFrames) noexcept {
    if (!(sampleRate > 0.0) || maxFrames == 0) {
        return false;
    }
    sampleRate_ = sampleRate;
    core_.prepare(sampleRate, maxFrames);
    active_ = true;
    return true;
}

void ClapPlugin::deactivate() noexcept {
    active_ = false;
}

bool ClapPlugin::startProcessing() noexcept {
    const core::RealtimeGuard guard;
    core_.reset();  // A new run starts with no ramp left over.
    return true;
}

void ClapPlugin::stopProcessing() noexcept {}

void ClapPlugin::reset() noexcept {
    const core::RealtimeGuard guard;
    core_.reset();
}

std::optional<std::uint32_t> ClapPlugin::rowOf(clap_abi::Id id) const noexcept {
    const auto found = std::lower_bound(rowsById_.begin(), rowsById_.end(),
                                        std::pair<clap_abi::Id, std::uint32_t>{id, 0});
    if (found == rowsById_.end() || found->first != id) {
        return std::nullopt;
    }
    return found->second;
}

void ClapPlugin::readParameterEvents(const clap_abi::InputEvents* events) noexcept {
    if (events == nullptr || events->size == nullptr || events->get == nullptr) {
        return;
    }
    const std::uint32_t count = events->size(events);
    if (count == 0) {
        return;
    }
    // Two passes: first each row's last event, so that one is added as the
    // row's final point of the block and always fits.
    const auto valueEvent = [&](std::uint32_t index) -> const clap_abi::EventParamValue* {
        const clap_abi::EventHeader* header = events->get(events, index);
        if (header == nullptr || header->spaceId != clap_abi::kCoreEventSpace ||
            header->type != clap_abi::kEventParamValue ||
            header->size < sizeof(clap_abi::EventParamValue)) {
            return nullptr;
        }
        const auto* event = reinterpret_cast<const clap_abi::EventParamValue*>(header);
        // Values for one note, key, channel or port: the kit has none.
        if (event->noteId != -1 || event->key != -1 || event->channel != -1 ||
            event->portIndex != -1) {
            return nullptr;
        }
        return event;
    };
    for (std::uint32_t index = 0; index < count; ++index) {
        if (const auto* event = valueEvent(index)) {
            if (const auto row = rowOf(event->paramId)) {
                lastEventOfRow_[*row] = index;
            }
        }
    }
    const auto table = core_.parameters();
    for (std::uint32_t index = 0; index < count; ++index) {
        const auto* event = valueEvent(index);
        if (event == nullptr) {
            continue;
        }
        const auto row = rowOf(event->paramId);
        if (!row) {
            continue;
        }
        // Out-of-range values are clamped; NaN becomes the default.
        const float plain = protocol::clampPlain(table[*row], static_cast<float>(event->value));
        core_.events().add({event->header.time, *row, plain}, lastEventOfRow_[*row] == index);
    }
}

void ClapPlugin::forwardEditorEdits(const clap_abi::OutputEvents* out) noexcept {
    const bool canTell = out != nullptr && out->tryPush != nullptr;
    while (const auto edit = editorEdits_.pop()) {
        const clap_abi::Id id = idOfRow_[edit->row];
        if (edit->kind == EditorEdit::Kind::Value) {
            core_.events().add({0, edit->row, edit->plain}, true);
            if (canTell) {
                const clap_abi::EventParamValue event{
                    {sizeof(clap_abi::EventParamValue), 0, clap_abi::kCoreEventSpace,
                     clap_abi::kEventParamValue, 0},
                    id,
                    nullptr,
                    -1,
                    -1,
                    -1,
                    -1,
                    static_cast<double>(edit->plain)};
                out->tryPush(out, &event.header);
            }
        } else if (canTell) {
            const clap_abi::EventParamGesture event{
                {sizeof(clap_abi::EventParamGesture), 0, clap_abi::kCoreEventSpace,
                 edit->kind == EditorEdit::Kind::Begin ? clap_abi::kEventParamGestureBegin
                                                       : clap_abi::kEventParamGestureEnd,
                 0},
                id};
            out->tryPush(out, &event.header);
        }
    }
}

clap_abi::ProcessStatus ClapPlugin::process(const clap_abi::Process& process) noexcept {
    const core::RealtimeGuard guard;
    if (!editorEdits_.empty()) {  // Most blocks: no call at all.
        forwardEditorEdits(process.outEvents);
    }
    readParameterEvents(process.inEvents);
    const std::size_t frames = process.framesCount;
    const bool hasOutput = process.audioOutputsCount > 0 && process.audioOutputs != nullptr &&
                           process.audioOutputs[0].data32 != nullptr;
    if (!hasOutput || frames == 0) {
        static_cast<void>(core_.process({}, 0));  // Parameter changes only.
        return clap_abi::kProcessContinueIfNotQuiet;
    }
    clap_abi::AudioBuffer& output = process.audioOutputs[0];
    const std::size_t channels = std::min<std::size_t>(output.channelCount, layout_.outputs);
    const clap_abi::AudioBuffer* input = process.audioInputsCount > 0 &&
                                                 process.audioInputs != nullptr &&
                                                 process.audioInputs[0].data32 != nullptr
                                             ? &process.audioInputs[0]
                                             : nullptr;
    const std::size_t inputChannels =
        input == nullptr ? 0 : std::min<std::size_t>(input->channelCount, layout_.inputs);
    // The processor runs in place on the outputs: copy each input over
    // unless the host already processes in place. A mono-to-stereo
    // layout's second output starts from the one input.
    for (std::size_t c = 0; c < channels; ++c) {
        float* const target = output.data32[c];
        const std::size_t sourceChannel = std::min(c, inputChannels == 0 ? 0 : inputChannels - 1);
        const float* const source = inputChannels == 0 ? nullptr : input->data32[sourceChannel];
        if (target == nullptr || source == target) {
            continue;
        }
        if (source == nullptr) {
            std::fill_n(target, frames, 0.0F);
        } else {
            std::memmove(target, source, frames * sizeof(float));
        }
    }
    const auto status = core_.process(std::span<float* const>{output.data32, channels}, frames);
    output.constantMask = 0;
    return clapStatusOf(status);
}

std::uint32_t ClapPlugin::audioPortCount(bool isInput) const noexcept {
    return isInput ? (layout_.inputs > 0 ? 1U : 0U) : 1U;
}

bool ClapPlugin::audioPortInfo(std::uint32_t index, bool isInput,
                               clap_abi::AudioPortInfo& info) const noexcept {
    if (index >= audioPortCount(isInput)) {
        return false;
    }
    const std::uint32_t channels = isInput ? layout_.inputs : layout_.outputs;
    info.id = 0;
    copyName(isInput ? "Main In" : "Main Out", info.name);
    info.flags = clap_abi::kAudioPortIsMain;
    info.channelCount = channels;
    info.portType = portTypeOf(channels);
    // In place only where every channel has its partner.
    info.inPlacePair = layout_.inputs == layout_.outputs ? 0 : clap_abi::kInvalidId;
    return true;
}

std::uint32_t ClapPlugin::audioConfigCount() const noexcept {
    return static_cast<std::uint32_t>(audio_.layouts.size());
}

bool ClapPlugin::audioConfig(std::uint32_t index,
                             clap_abi::AudioPortsConfig& config) const noexcept {
    if (index >= audioConfigCount()) {
        return false;
    }
    const core::ChannelLayout layout = audio_.layouts[index];
    config.id = index;
    copyName(layout == core::kStereo ? "Stereo"
             : layout == core::kMono ? "Mono"
                                     : "Mono to stereo",
             config.name);
    config.inputPortCount = layout.inputs > 0 ? 1 : 0;
    config.outputPortCount = 1;
    config.hasMainInput = layout.inputs > 0;
    config.mainInputChannelCount = layout.inputs;
    config.mainInputPortType = layout.inputs > 0 ? portTypeOf(layout.inputs) : nullptr;
    config.hasMainOutput = true;
    config.mainOutputChannelCount = layout.outputs;
    config.mainOutputPortType = portTypeOf(layout.outputs);
    return true;
}

bool ClapPlugin::selectAudioConfig(clap_abi::Id configId) noexcept {
    if (active_ || configId >= audioConfigCount()) {
        return false;  // Ports change only while deactivated.
    }
    layout_ = audio_.layouts[configId];
    return true;
}

std::uint32_t ClapPlugin::paramCount() const noexcept {
    return static_cast<std::uint32_t>(core_.parameters().size());
}

bool ClapPlugin::paramInfo(std::uint32_t index, clap_abi::ParamInfo& info) const noexcept {
    if (index >= paramCount()) {
        return false;
    }
    const protocol::ParamSpec& spec = core_.parameters()[index];
    info.id = idOfRow_[index];
    info.flags = clap_abi::kParamIsAutomatable;
    if (protocol::isDiscrete(spec) || spec.kind == protocol::ParamKind::Toggle) {
        info.flags |= clap_abi::kParamIsStepped;
    }
    if (spec.kind == protocol::ParamKind::Choice) {
        info.flags |= clap_abi::kParamIsEnum;
    }
    if (spec.role == protocol::ParamRole::Bypass) {
        info.flags |= clap_abi::kParamIsBypass;
    }
    info.cookie = nullptr;
    copyName(spec.name, info.name);
    info.module[0] = '\0';
    info.minValue = spec.minValue;
    info.maxValue = spec.maxValue;
    info.defaultValue = spec.defaultValue;
    return true;
}

bool ClapPlugin::paramValue(clap_abi::Id id, double& value) const noexcept {
    const auto row = rowOf(id);
    if (!row) {
        return false;
    }
    value = core_.shared()->values.plain(*row);
    return true;
}

bool ClapPlugin::valueToText(clap_abi::Id id, double value, char* text,
                             std::uint32_t capacity) const noexcept {
    const auto row = rowOf(id);
    if (!row || text == nullptr || capacity == 0) {
        return false;
    }
    std::array<char, protocol::kMaxValueTextLength> buffer{};
    const std::string_view shown =
        protocol::formatValueInto(core_.parameters()[*row], static_cast<float>(value), buffer);
    if (shown.size() + 1 > capacity) {
        return false;
    }
    std::memcpy(text, shown.data(), shown.size());
    text[shown.size()] = '\0';
    return true;
}

bool ClapPlugin::textToValue(clap_abi::Id id, const char* text, double& value) const noexcept {
    const auto row = rowOf(id);
    if (!row || text == nullptr) {
        return false;
    }
    const auto parsed = protocol::parseValue(core_.parameters()[*row], text);
    if (!parsed) {
        return false;
    }
    value = *parsed;
    return true;
}

void ClapPlugin::flush(const clap_abi::InputEvents* in,
                       const clap_abi::OutputEvents* out) noexcept {
    const core::RealtimeGuard guard;
    forwardEditorEdits(out);
    readParameterEvents(in);
    static_cast<void>(core_.process({}, 0));
}

void ClapPlugin::queueEditorEdit(const EditorEdit& edit) noexcept {
    if (!editorEdits_.push(edit)) {
        return;  // Full: the host has not called for a while; a later step follows.
    }
    if (hostParams_ != nullptr && hostParams_->requestFlush != nullptr) {
        hostParams_->requestFlush(&host_);
    }
}

bool ClapPlugin::saveState(const clap_abi::OutputStream& stream) const noexcept {
    try {
        return writeWholeStream(stream, core_.saveState());
    } catch (...) {
        return false;
    }
}

bool ClapPlugin::loadState(const clap_abi::InputStream& stream) noexcept {
    try {
        const auto blob = readWholeStream(stream, protocol::kMaxStateBytes);
        if (!blob) {
            return false;  // Unreadable or too large: nothing changes.
        }
        return core_.loadState(*blob) == protocol::StateError::None;
    } catch (...) {
        return false;
    }
}

std::uint32_t ClapPlugin::latency() const noexcept {
    return audio_.latencySamples;
}

std::uint32_t ClapPlugin::tail() const noexcept {
    const std::uint32_t samples = audio_.tail.inSamples(sampleRate_);
    return audio_.tail.isUnbounded() ? clap_abi::kInfiniteTail
                                     : std::min(samples, clap_abi::kInfiniteTail - 1);
}

bool ClapPlugin::setRenderMode(clap_abi::RenderMode mode) noexcept {
    // The kit's processing is the same live and offline.
    return mode == clap_abi::kRenderRealtime || mode == clap_abi::kRenderOffline;
}

}  // namespace vstkit::formats::clap
