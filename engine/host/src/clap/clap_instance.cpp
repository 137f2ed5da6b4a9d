#include "clap_instance.h"

#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "clap_streams.h"
#include "vst3/host_error.h"

namespace vstkit::host {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

template <typename Extension>
const Extension* extensionOf(const clap_abi::Plugin* plugin, const char* id) {
    return static_cast<const Extension*>(plugin->getExtension(plugin, id));
}

std::string portsText(const std::vector<clap_abi::AudioPortInfo>& ports) {
    if (ports.empty()) {
        return "none";
    }
    std::string text;
    for (const auto& port : ports) {
        // Part by part: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
        text += text.empty() ? "" : "+";
        text += std::to_string(port.channelCount);
        text += (port.flags & clap_abi::kAudioPortIsMain) != 0 ? " (main)" : "";
    }
    return text;
}

}  // namespace

std::uint32_t ClapPorts::mainInputChannels() const noexcept {
    return inputs.empty() ? 0 : inputs.front().channelCount;
}

std::uint32_t ClapPorts::mainOutputChannels() const noexcept {
    return outputs.empty() ? 0 : outputs.front().channelCount;
}

std::string ClapPorts::text() const {
    return "in " + portsText(inputs) + " / out " + portsText(outputs);
}

ClapInstance::ClapInstance(const ClapModule& module, std::string_view pluginId)
    : host_(std::make_unique<ClapHost>()) {
    const auto& descriptor = module.descriptor(pluginId);
    const auto& factory = module.factory();
    plugin_ = factory.createPlugin(&factory, host_->clapHost(), descriptor.id);
    if (plugin_ == nullptr) {
        throw HostError(std::string{"the factory cannot create '"} + descriptor.id +
                        "' (create_plugin returned null)");
    }
    if (!plugin_->init(plugin_)) {
        plugin_->destroy(plugin_);
        throw HostError(std::string{"'"} + descriptor.id + "' refuses init()");
    }
    extensions_.audioPorts =
        extensionOf<clap_abi::PluginAudioPorts>(plugin_, clap_abi::kExtAudioPorts);
    extensions_.audioPortsConfig =
        extensionOf<clap_abi::PluginAudioPortsConfig>(plugin_, clap_abi::kExtAudioPortsConfig);
    extensions_.params = extensionOf<clap_abi::PluginParams>(plugin_, clap_abi::kExtParams);
    extensions_.state = extensionOf<clap_abi::PluginState>(plugin_, clap_abi::kExtState);
    extensions_.gui = extensionOf<clap_abi::PluginGui>(plugin_, clap_abi::kExtGui);
    extensions_.latency = extensionOf<clap_abi::PluginLatency>(plugin_, clap_abi::kExtLatency);
    extensions_.tail = extensionOf<clap_abi::PluginTail>(plugin_, clap_abi::kExtTail);
    extensions_.posixFd =
        extensionOf<clap_abi::PluginPosixFdSupport>(plugin_, clap_abi::kExtPosixFdSupport);
    extensions_.timers =
        extensionOf<clap_abi::PluginTimerSupport>(plugin_, clap_abi::kExtTimerSupport);
    extensions_.render = extensionOf<clap_abi::PluginRender>(plugin_, clap_abi::kExtRender);
    ports_ = readPorts();
    rereadParameters();
}

ClapInstance::~ClapInstance() {
    deactivate();
    plugin_->destroy(plugin_);
}

ClapPorts ClapInstance::readPorts() const {
    ClapPorts ports;
    if (extensions_.audioPorts == nullptr) {
        return ports;
    }
    for (const bool isInput : {true, false}) {
        auto& list = isInput ? ports.inputs : ports.outputs;
        const std::uint32_t count = extensions_.audioPorts->count(plugin_, isInput);
        for (std::uint32_t index = 0; index < count; ++index) {
            clap_abi::AudioPortInfo info{};
            if (extensions_.audioPorts->get(plugin_, index, isInput, &info)) {
                list.push_back(info);
            }
        }
    }
    return ports;
}

bool ClapInstance::activate(double sampleRate, std::uint32_t minFrames, std::uint32_t maxFrames) {
    deactivate();
    ports_ = readPorts();
    sampleRate_ = sampleRate;
    maxFrames_ = maxFrames;
    prepareBuffers();
    active_ = plugin_->activate(plugin_, sampleRate, minFrames, maxFrames);
    steadyTime_ = 0;
    return active_;
}

void ClapInstance::start(double sampleRate, std::uint32_t maxFrames) {
    if (!activate(sampleRate, 1, maxFrames)) {
        throw HostError("activate(" + std::to_string(static_cast<int>(sampleRate)) + " Hz, 1, " +
                        std::to_string(maxFrames) + " frames) refused");
    }
    if (!startProcessing()) {
        throw HostError("start_processing() refused");
    }
}

bool ClapInstance::startProcessing() {
    if (!active_) {
        return false;
    }
    if (!processing_) {
        const ClapHost::AudioThreadScope audio{*host_};
        processing_ = plugin_->startProcessing(plugin_);
    }
    return processing_;
}

void ClapInstance::stopProcessing() {
    if (processing_) {
        const ClapHost::AudioThreadScope audio{*host_};
        plugin_->stopProcessing(plugin_);
        processing_ = false;
    }
}

void ClapInstance::deactivate() {
    stopProcessing();
    if (active_) {
        plugin_->deactivate(plugin_);
        active_ = false;
    }
}

void ClapInstance::reset() {
    if (active_) {
        const ClapHost::AudioThreadScope audio{*host_};
        plugin_->reset(plugin_);
    }
}

void ClapInstance::prepareBuffers() {
    scratch_.clear();
    const auto makeBuffers = [&](const std::vector<clap_abi::AudioPortInfo>& ports,
                                 std::vector<clap_abi::AudioBuffer>& buffers,
                                 std::vector<std::vector<float*>>& channels,
                                 std::vector<float*>& mainScratch) {
        buffers.assign(ports.size(), clap_abi::AudioBuffer{});
        channels.assign(ports.size(), {});
        for (std::size_t port = 0; port < ports.size(); ++port) {
            for (std::uint32_t channel = 0; channel < ports[port].channelCount; ++channel) {
                scratch_.emplace_back(std::max<std::uint32_t>(maxFrames_, 1), 0.0F);
                channels[port].push_back(scratch_.back().data());
            }
            buffers[port] = {channels[port].data(), nullptr, ports[port].channelCount, 0, 0};
        }
        mainScratch = channels.empty() ? std::vector<float*>{} : channels.front();
    };
    // scratch_ grows while pointers into earlier elements are kept: reserve
    // every channel first so none moves.
    std::size_t total = 0;
    for (const auto* ports : {&ports_.inputs, &ports_.outputs}) {
        for (const auto& port : *ports) {
            total += port.channelCount;
        }
    }
    scratch_.reserve(total);
    makeBuffers(ports_.inputs, inputBuffers_, inputChannels_, mainInputScratch_);
    makeBuffers(ports_.outputs, outputBuffers_, outputChannels_, mainOutputScratch_);
    // What every block shares; process() fills in the rest.
    block_ = {0,
              0,
              nullptr,
              inputBuffers_.data(),
              outputBuffers_.data(),
              static_cast<std::uint32_t>(inputBuffers_.size()),
              static_cast<std::uint32_t>(outputBuffers_.size()),
              nullptr,
              nullptr};
}

clap_abi::ProcessStatus ClapInstance::process(std::span<float* const> inputs,
                                              std::span<float* const> outputs, std::uint32_t frames,
                                              const InputEventList& events) noexcept {
    if (!active_ || frames > maxFrames_ || (!processing_ && !startProcessing())) {
        return clap_abi::kProcessError;
    }
    // Only the main ports' channels change from block to block; every other
    // channel points at its scratch from activation on. Scratch inputs are
    // silenced, as a plugin may have written into one.
    if (!inputChannels_.empty()) {
        attachMain(inputChannels_.front(), mainInputScratch_, inputs, frames, true);
        for (std::size_t port = 1; port < inputChannels_.size(); ++port) {
            for (float* channel : inputChannels_[port]) {
                std::fill_n(channel, frames, 0.0F);
            }
        }
    }
    if (!outputChannels_.empty()) {
        attachMain(outputChannels_.front(), mainOutputScratch_, outputs, frames, false);
    }
    for (auto& buffer : inputBuffers_) {
        buffer.constantMask = 0;
    }
    for (auto& buffer : outputBuffers_) {
        buffer.constantMask = 0;
    }
    block_.steadyTime = steadyTime_;
    block_.framesCount = frames;
    block_.inEvents = events.list();
    block_.outEvents = outputEvents_.list();
    const ClapHost::AudioThreadScope audio{*host_};
    const clap_abi::ProcessStatus status = plugin_->process(plugin_, &block_);
    steadyTime_ += frames;
    return status;
}

void ClapInstance::attachMain(std::vector<float*>& channels, const std::vector<float*>& scratch,
                              std::span<float* const> given, std::uint32_t frames,
                              bool silenceScratch) noexcept {
    const std::size_t count = channels.size();
    const std::size_t supplied = std::min(given.size(), count);
    for (std::size_t channel = 0; channel < supplied; ++channel) {
        channels[channel] = given[channel];
    }
    for (std::size_t channel = supplied; channel < count; ++channel) {
        channels[channel] = scratch[channel];
        if (silenceScratch) {
            std::fill_n(channels[channel], frames, 0.0F);
        }
    }
}

void ClapInstance::rereadParameters() {
    parameters_.clear();
    if (extensions_.params == nullptr) {
        return;
    }
    const std::uint32_t count = extensions_.params->count(plugin_);
    for (std::uint32_t index = 0; index < count; ++index) {
        clap_abi::ParamInfo info{};
        if (extensions_.params->getInfo(plugin_, index, &info)) {
            info.name[sizeof info.name - 1] = '\0';
            info.module[sizeof info.module - 1] = '\0';
            parameters_.push_back(info);
        }
    }
}

std::optional<clap_abi::ParamInfo> ClapInstance::findParameter(std::string_view nameOrId) const {
    clap_abi::Id numericId = clap_abi::kInvalidId;
    const auto [end, error] =
        std::from_chars(nameOrId.data(), nameOrId.data() + nameOrId.size(), numericId);
    const bool isNumber = error == std::errc{} && end == nameOrId.data() + nameOrId.size();
    for (const auto& info : parameters_) {
        if ((isNumber && info.id == numericId) || equalsIgnoringCase(info.name, nameOrId)) {
            return info;
        }
    }
    return std::nullopt;
}

void* ClapInstance::cookieOf(clap_abi::Id id) const noexcept {
    for (const auto& info : parameters_) {
        if (info.id == id) {
            return info.cookie;
        }
    }
    return nullptr;
}

std::optional<double> ClapInstance::value(clap_abi::Id id) const {
    double value = 0.0;
    if (extensions_.params == nullptr || !extensions_.params->getValue(plugin_, id, &value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> ClapInstance::valueToText(clap_abi::Id id, double value) const {
    char text[clap_abi::kNameSize] = {};
    if (extensions_.params == nullptr ||
        !extensions_.params->valueToText(plugin_, id, value, text, sizeof text)) {
        return std::nullopt;
    }
    text[sizeof text - 1] = '\0';
    return std::string{text};
}

std::optional<double> ClapInstance::textToValue(clap_abi::Id id, std::string_view text) const {
    const std::string terminated{text};
    double value = 0.0;
    if (extensions_.params == nullptr ||
        !extensions_.params->textToValue(plugin_, id, terminated.c_str(), &value)) {
        return std::nullopt;
    }
    return value;
}

bool ClapInstance::flush(const InputEventList& events) {
    if (extensions_.params == nullptr) {
        return false;
    }
    if (active_) {
        const ClapHost::AudioThreadScope audio{*host_};
        extensions_.params->flush(plugin_, events.list(), outputEvents_.list());
    } else {
        extensions_.params->flush(plugin_, events.list(), outputEvents_.list());
    }
    return true;
}

bool ClapInstance::setValues(std::span<const std::pair<clap_abi::Id, double>> values) {
    InputEventList events{values.size()};
    for (const auto& [id, value] : values) {
        events.addParamValue(id, 0, value, cookieOf(id));
    }
    return flush(events);
}

std::optional<std::vector<std::uint8_t>> ClapInstance::saveState() const {
    if (extensions_.state == nullptr) {
        return std::nullopt;
    }
    OutputMemoryStream stream;
    if (!extensions_.state->save(plugin_, stream.stream())) {
        return std::nullopt;
    }
    return std::move(stream.bytes());
}

bool ClapInstance::loadState(std::span<const std::uint8_t> bytes, std::size_t chunk) const {
    if (extensions_.state == nullptr) {
        return false;
    }
    const InputMemoryStream stream{bytes, chunk};
    return extensions_.state->load(plugin_, stream.stream());
}

void ClapInstance::pump(std::chrono::milliseconds duration) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + duration;
    std::vector<pollfd> watched;
    std::vector<clap_abi::Id> due;
    InputEventList noEvents{0};
    do {
        if (host_->takeCallbackRequest()) {
            plugin_->onMainThread(plugin_);
        }
        if (host_->takeFlushRequest()) {
            flush(noEvents);
        }
        auto wakeAt = std::min(deadline, Clock::now() + std::chrono::milliseconds{10});
        for (const auto& [id, timer] : host_->timers()) {
            wakeAt = std::min(wakeAt, timer.due);
        }
        watched.clear();
        for (const auto& [fd, flags] : host_->fds()) {
            short events = 0;
            events |= (flags & clap_abi::kPosixFdRead) != 0 ? POLLIN : 0;
            events |= (flags & clap_abi::kPosixFdWrite) != 0 ? POLLOUT : 0;
            watched.push_back({fd, events, 0});
        }
        const auto wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(wakeAt - Clock::now());
        const int ready =
            poll(watched.data(), watched.size(), static_cast<int>(std::max<long>(wait.count(), 0)));
        if (ready > 0 && extensions_.posixFd != nullptr) {
            for (const auto& entry : watched) {
                std::uint32_t flags = 0;
                flags |= (entry.revents & POLLIN) != 0 ? clap_abi::kPosixFdRead : 0;
                flags |= (entry.revents & POLLOUT) != 0 ? clap_abi::kPosixFdWrite : 0;
                flags |= (entry.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0
                             ? clap_abi::kPosixFdError
                             : 0;
                // The plugin may have unregistered it in an earlier on_fd.
                if (flags != 0 && host_->fds().contains(entry.fd)) {
                    extensions_.posixFd->onFd(plugin_, entry.fd, flags);
                }
            }
        }
        const auto now = Clock::now();
        due.clear();
        for (auto& [id, timer] : host_->timers()) {
            if (timer.due <= now) {
                due.push_back(id);
                timer.due =
                    now + std::chrono::milliseconds{std::max<std::uint32_t>(timer.periodMs, 1)};
            }
        }
        for (const clap_abi::Id id : due) {
            // A timer unregistered by an earlier callback does not fire.
            if (extensions_.timers != nullptr && host_->timers().contains(id)) {
                extensions_.timers->onTimer(plugin_, id);
            }
        }
    } while (Clock::now() < deadline);
    if (host_->takeCallbackRequest()) {
        plugin_->onMainThread(plugin_);
    }
    if (host_->takeFlushRequest()) {
        flush(noEvents);
    }
}

}  // namespace vstkit::host
