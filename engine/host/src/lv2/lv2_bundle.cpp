#include "lv2_bundle.h"

#include <cmath>

#include <lv2/core/lv2.h>

#include "vst3/host_error.h"

namespace vstkit::host {

namespace {

/// A lilv node freed when it goes out of scope.
struct NodeDeleter {
    void operator()(LilvNode* node) const noexcept { lilv_node_free(node); }
};
using Node = std::unique_ptr<LilvNode, NodeDeleter>;

}  // namespace

Lv2Bundle::Lv2Bundle(const std::filesystem::path& bundle) : path_(bundle) {
    std::error_code error;
    if (!std::filesystem::is_directory(bundle, error)) {
        throw HostError("no LV2 bundle folder at " + bundle.string());
    }
    world_ = lilv_world_new();
    // lilv wants the bundle's URI with a trailing slash.
    const std::string folder = std::filesystem::absolute(bundle).string() + "/";
    const Node bundleUri{lilv_new_file_uri(world_, nullptr, folder.c_str())};
    lilv_world_load_bundle(world_, bundleUri.get());
    const LilvPlugins* plugins = lilv_world_get_all_plugins(world_);
    LILV_FOREACH(plugins, it, plugins) {
        const LilvPlugin* candidate = lilv_plugins_get(plugins, it);
        if (lilv_node_equals(lilv_plugin_get_bundle_uri(candidate), bundleUri.get())) {
            plugin_ = candidate;
            break;
        }
    }
    if (plugin_ == nullptr) {
        lilv_world_free(world_);
        throw HostError("no LV2 plugin in " + bundle.string());
    }
    uridMap_ = {this, &Lv2Bundle::mapUri};

    const Node audio{lilv_new_uri(world_, LV2_CORE__AudioPort)};
    const Node control{lilv_new_uri(world_, LV2_CORE__ControlPort)};
    const Node input{lilv_new_uri(world_, LV2_CORE__InputPort)};
    const Node optional{lilv_new_uri(world_, LV2_CORE__connectionOptional)};
    const std::uint32_t count = lilv_plugin_get_num_ports(plugin_);
    ports_.reserve(count);
    std::vector<float> defaults(count, 0.0F);
    lilv_plugin_get_port_ranges_float(plugin_, nullptr, nullptr, defaults.data());
    for (std::uint32_t index = 0; index < count; ++index) {
        const LilvPort* port = lilv_plugin_get_port_by_index(plugin_, index);
        const bool isInput = lilv_port_is_a(plugin_, port, input.get());
        Lv2Port described;
        described.symbol = lilv_node_as_string(lilv_port_get_symbol(plugin_, port));
        described.defaultValue = std::isnan(defaults[index]) ? 0.0F : defaults[index];
        if (lilv_port_is_a(plugin_, port, audio.get())) {
            described.kind = isInput ? Lv2Port::Kind::AudioInput : Lv2Port::Kind::AudioOutput;
        } else if (lilv_port_is_a(plugin_, port, control.get())) {
            described.kind = isInput ? Lv2Port::Kind::ControlInput : Lv2Port::Kind::ControlOutput;
        } else if (!lilv_port_has_property(plugin_, port, optional.get())) {
            lilv_world_free(world_);
            throw HostError("LV2 port '" + described.symbol +
                            "' is neither audio nor control; this host cannot feed it");
        } else {
            described.kind = Lv2Port::Kind::Unconnected;
        }
        ports_.push_back(std::move(described));
    }
}

Lv2Bundle::~Lv2Bundle() {
    lilv_world_free(world_);
}

int Lv2Bundle::controlInput(std::string_view symbol) const noexcept {
    for (std::size_t index = 0; index < ports_.size(); ++index) {
        if (ports_[index].kind == Lv2Port::Kind::ControlInput && ports_[index].symbol == symbol) {
            return static_cast<int>(index);
        }
    }
    return -1;
}

LV2_URID Lv2Bundle::mapUri(LV2_URID_Map_Handle handle, const char* uri) {
    auto& urids = static_cast<Lv2Bundle*>(handle)->urids_;
    const auto found = urids.find(std::string_view{uri});
    if (found != urids.end()) {
        return found->second;
    }
    const auto urid = static_cast<LV2_URID>(urids.size() + 1);
    urids.emplace(uri, urid);
    return urid;
}

}  // namespace vstkit::host
