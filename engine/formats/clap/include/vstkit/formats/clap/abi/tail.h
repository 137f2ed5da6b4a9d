#pragma once

#include <cstdint>

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_TAIL. A tail of INT32_MAX or more means an infinite one.
inline constexpr const char* kExtTail = "clap.tail";
inline constexpr std::uint32_t kInfiniteTail = INT32_MAX;

/// clap_plugin_tail [main-thread, audio-thread].
struct PluginTail {
    std::uint32_t (*get)(const Plugin* plugin);
};

/// clap_host_tail [audio-thread].
struct HostTail {
    void (*changed)(const Host* host);
};

}  // namespace vstkit::clap_abi
