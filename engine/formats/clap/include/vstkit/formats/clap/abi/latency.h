#pragma once

#include <cstdint>

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_LATENCY.
inline constexpr const char* kExtLatency = "clap.latency";

/// clap_plugin_latency [main-thread, active].
struct PluginLatency {
    std::uint32_t (*get)(const Plugin* plugin);
};

/// clap_host_latency [main-thread].
struct HostLatency {
    void (*changed)(const Host* host);
};

}  // namespace vstkit::clap_abi
