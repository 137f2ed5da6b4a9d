#pragma once

#include "vstkit/formats/clap/abi/stream.h"

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_STATE.
inline constexpr const char* kExtState = "clap.state";

/// clap_plugin_state [main-thread].
struct PluginState {
    bool (*save)(const Plugin* plugin, const OutputStream* stream);
    bool (*load)(const Plugin* plugin, const InputStream* stream);
};

/// clap_host_state [main-thread].
struct HostState {
    void (*markDirty)(const Host* host);
};

}  // namespace vstkit::clap_abi
