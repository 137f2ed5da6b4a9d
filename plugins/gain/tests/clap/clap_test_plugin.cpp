#include "clap_test_plugin.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

namespace vstkit::clap_tests {
namespace {

struct ReadCursor {
    const std::vector<std::uint8_t>* bytes;
    std::size_t at;
};

}  // namespace

ClapTestPlugin::ClapTestPlugin(const std::string& path, const char* pluginId) {
    module_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module_ == nullptr) {
        error_ = std::string{"dlopen: "} + dlerror();
        return;
    }
    entry_ = static_cast<const clap_abi::PluginEntry*>(dlsym(module_, clap_abi::kEntrySymbol));
    if (entry_ == nullptr || !entry_->init(path.c_str())) {
        error_ = "no clap_entry, or its init failed";
        entry_ = nullptr;
        return;
    }
    const auto* factory =
        static_cast<const clap_abi::PluginFactory*>(entry_->getFactory(clap_abi::kPluginFactoryId));
    host_ = {clap_abi::kVersion,
             this,
             "VstKit cross-format test",
             "VstKit",
             "",
             "0",
             [](const clap_abi::Host*, const char*) -> const void* { return nullptr; },
             [](const clap_abi::Host*) {},
             [](const clap_abi::Host*) {},
             [](const clap_abi::Host*) {}};
    plugin_ = factory == nullptr ? nullptr : factory->createPlugin(factory, &host_, pluginId);
    if (plugin_ == nullptr || !plugin_->init(plugin_)) {
        error_ = std::string{"could not make and init "} + pluginId;
        return;
    }
    params_ = static_cast<const clap_abi::PluginParams*>(
        plugin_->getExtension(plugin_, clap_abi::kExtParams));
    state_ = static_cast<const clap_abi::PluginState*>(
        plugin_->getExtension(plugin_, clap_abi::kExtState));
    if (params_ == nullptr || state_ == nullptr) {
        error_ = "no params or state extension";
    }
}

ClapTestPlugin::~ClapTestPlugin() {
    if (plugin_ != nullptr) {
        plugin_->destroy(plugin_);
    }
    if (entry_ != nullptr) {
        entry_->deinit();
    }
    if (module_ != nullptr) {
        dlclose(module_);
    }
}

bool ClapTestPlugin::setValue(clap_abi::Id id, double value) {
    const clap_abi::EventParamValue event{
        {sizeof(clap_abi::EventParamValue), 0, clap_abi::kCoreEventSpace,
         clap_abi::kEventParamValue, 0},
        id,
        nullptr,
        -1,
        -1,
        -1,
        -1,
        value};
    const clap_abi::InputEvents in{
        const_cast<clap_abi::EventParamValue*>(&event),
        [](const clap_abi::InputEvents*) -> std::uint32_t { return 1; },
        [](const clap_abi::InputEvents* list, std::uint32_t) -> const clap_abi::EventHeader* {
            return &static_cast<const clap_abi::EventParamValue*>(list->ctx)->header;
        }};
    const clap_abi::OutputEvents out{
        nullptr, [](const clap_abi::OutputEvents*, const clap_abi::EventHeader*) { return true; }};
    params_->flush(plugin_, &in, &out);
    const auto now = this->value(id);
    return now && *now == value;
}

std::optional<double> ClapTestPlugin::value(clap_abi::Id id) const {
    double value = 0.0;
    if (!params_->getValue(plugin_, id, &value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::vector<std::uint8_t>> ClapTestPlugin::saveState() const {
    std::vector<std::uint8_t> bytes;
    const clap_abi::OutputStream stream{
        &bytes, [](const clap_abi::OutputStream* self, const void* buffer, std::uint64_t size) {
            auto& into = *static_cast<std::vector<std::uint8_t>*>(self->ctx);
            const auto* from = static_cast<const std::uint8_t*>(buffer);
            into.insert(into.end(), from, from + size);
            return static_cast<std::int64_t>(size);
        }};
    if (!state_->save(plugin_, &stream)) {
        return std::nullopt;
    }
    return bytes;
}

bool ClapTestPlugin::loadState(const std::vector<std::uint8_t>& bytes) {
    ReadCursor cursor{&bytes, 0};
    const clap_abi::InputStream stream{
        &cursor, [](const clap_abi::InputStream* self, void* buffer, std::uint64_t size) {
            auto& from = *static_cast<ReadCursor*>(self->ctx);
            const std::size_t count = std::min<std::size_t>(size, from.bytes->size() - from.at);
            if (count > 0) {  // An empty blob may have no data at all.
                std::memcpy(buffer, from.bytes->data() + from.at, count);
            }
            from.at += count;
            return static_cast<std::int64_t>(count);
        }};
    return state_->load(plugin_, &stream);
}

}  // namespace vstkit::clap_tests
