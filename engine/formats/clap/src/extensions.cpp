// The extension tables a host finds through clap_plugin.get_extension: each a
// static table of C functions forwarding to the instance, so no instance
// carries copies and every id resolves with no allocation.
#include <cstring>

#include "clap_editor.h"
#include "clap_plugin.h"
#include "extensions.h"
#include "vstkit/formats/clap/abi/latency.h"
#include "vstkit/formats/clap/abi/tail.h"

namespace vstkit::formats::clap {
namespace {

ClapPlugin& instance(const clap_abi::Plugin* plugin) noexcept {
    return ClapPlugin::of(plugin);
}

const clap_abi::PluginAudioPorts kAudioPorts{
    [](const clap_abi::Plugin* p, bool isInput) { return instance(p).audioPortCount(isInput); },
    [](const clap_abi::Plugin* p, std::uint32_t index, bool isInput,
       clap_abi::AudioPortInfo* info) {
        return info != nullptr && instance(p).audioPortInfo(index, isInput, *info);
    },
};

const clap_abi::PluginAudioPortsConfig kAudioPortsConfig{
    [](const clap_abi::Plugin* p) { return instance(p).audioConfigCount(); },
    [](const clap_abi::Plugin* p, std::uint32_t index, clap_abi::AudioPortsConfig* config) {
        return config != nullptr && instance(p).audioConfig(index, *config);
    },
    [](const clap_abi::Plugin* p, clap_abi::Id configId) {
        return instance(p).selectAudioConfig(configId);
    },
};

const clap_abi::PluginParams kParams{
    [](const clap_abi::Plugin* p) { return instance(p).paramCount(); },
    [](const clap_abi::Plugin* p, std::uint32_t index, clap_abi::ParamInfo* info) {
        return info != nullptr && instance(p).paramInfo(index, *info);
    },
    [](const clap_abi::Plugin* p, clap_abi::Id id, double* value) {
        return value != nullptr && instance(p).paramValue(id, *value);
    },
    [](const clap_abi::Plugin* p, clap_abi::Id id, double value, char* text,
       std::uint32_t capacity) { return instance(p).valueToText(id, value, text, capacity); },
    [](const clap_abi::Plugin* p, clap_abi::Id id, const char* text, double* value) {
        return value != nullptr && instance(p).textToValue(id, text, *value);
    },
    [](const clap_abi::Plugin* p, const clap_abi::InputEvents* in,
       const clap_abi::OutputEvents* out) { instance(p).flush(in, out); },
};

const clap_abi::PluginState kState{
    [](const clap_abi::Plugin* p, const clap_abi::OutputStream* stream) {
        return stream != nullptr && instance(p).saveState(*stream);
    },
    [](const clap_abi::Plugin* p, const clap_abi::InputStream* stream) {
        return stream != nullptr && instance(p).loadState(*stream);
    },
};

const clap_abi::PluginLatency kLatency{
    [](const clap_abi::Plugin* p) { return instance(p).latency(); },
};

const clap_abi::PluginTail kTail{
    [](const clap_abi::Plugin* p) { return instance(p).tail(); },
};

const clap_abi::PluginRender kRender{
    [](const clap_abi::Plugin* /*plugin*/) { return false; },
    [](const clap_abi::Plugin* p, clap_abi::RenderMode mode) {
        return instance(p).setRenderMode(mode);
    },
};

ClapEditor& editorOf(const clap_abi::Plugin* plugin) noexcept {
    return instance(plugin).editor();
}

const clap_abi::PluginGui kGui{
    [](const clap_abi::Plugin* p, const char* api, bool isFloating) {
        return editorOf(p).isApiSupported(api, isFloating);
    },
    [](const clap_abi::Plugin* p, const char** api, bool* isFloating) {
        return editorOf(p).preferredApi(api, isFloating);
    },
    [](const clap_abi::Plugin* p, const char* api, bool isFloating) {
        return editorOf(p).create(api, isFloating);
    },
    [](const clap_abi::Plugin* p) { editorOf(p).destroy(); },
    [](const clap_abi::Plugin* p, double scale) { return editorOf(p).setScale(scale); },
    [](const clap_abi::Plugin* p, std::uint32_t* width, std::uint32_t* height) {
        return width != nullptr && height != nullptr && editorOf(p).size(*width, *height);
    },
    [](const clap_abi::Plugin* /*plugin*/) { return true; },
    [](const clap_abi::Plugin* p, clap_abi::GuiResizeHints* hints) {
        return hints != nullptr && editorOf(p).resizeHints(*hints);
    },
    [](const clap_abi::Plugin* p, std::uint32_t* width, std::uint32_t* height) {
        return width != nullptr && height != nullptr && editorOf(p).adjustSize(*width, *height);
    },
    [](const clap_abi::Plugin* p, std::uint32_t width, std::uint32_t height) {
        return editorOf(p).setSize(width, height);
    },
    [](const clap_abi::Plugin* p, const clap_abi::Window* window) {
        return window != nullptr && editorOf(p).setParent(*window);
    },
    // Floating windows are not offered, so there is nothing to be transient for.
    [](const clap_abi::Plugin* /*plugin*/, const clap_abi::Window* /*window*/) { return false; },
    [](const clap_abi::Plugin* /*plugin*/, const char* /*title*/) {},
    [](const clap_abi::Plugin* p) { return editorOf(p).show(); },
    [](const clap_abi::Plugin* p) { return editorOf(p).hide(); },
};

const clap_abi::PluginPosixFdSupport kPosixFdSupport{
    [](const clap_abi::Plugin* p, int fd, std::uint32_t /*flags*/) { editorOf(p).onFd(fd); },
};

const clap_abi::PluginTimerSupport kTimerSupport{
    [](const clap_abi::Plugin* p, clap_abi::Id timerId) { editorOf(p).onTimer(timerId); },
};

struct Extension {
    const char* id;
    const void* table;
};

const Extension kExtensions[] = {
    {clap_abi::kExtAudioPorts, &kAudioPorts},
    {clap_abi::kExtAudioPortsConfig, &kAudioPortsConfig},
    {clap_abi::kExtParams, &kParams},
    {clap_abi::kExtState, &kState},
    {clap_abi::kExtGui, &kGui},
    {clap_abi::kExtPosixFdSupport, &kPosixFdSupport},
    {clap_abi::kExtTimerSupport, &kTimerSupport},
    {clap_abi::kExtLatency, &kLatency},
    {clap_abi::kExtTail, &kTail},
    {clap_abi::kExtRender, &kRender},
};

}  // namespace

const void* extensionOf(const char* id) noexcept {
    for (const Extension& extension : kExtensions) {
        if (std::strcmp(extension.id, id) == 0) {
            return extension.table;
        }
    }
    return nullptr;
}

}  // namespace vstkit::formats::clap
