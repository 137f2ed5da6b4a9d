#pragma once

#include <cstdint>

namespace vstkit::clap_abi {

struct Plugin;

/// CLAP_EXT_RENDER and clap_plugin_render_mode.
inline constexpr const char* kExtRender = "clap.render";
using RenderMode = std::int32_t;
inline constexpr RenderMode kRenderRealtime = 0;
inline constexpr RenderMode kRenderOffline = 1;

/// clap_plugin_render [main-thread].
struct PluginRender {
    bool (*hasHardRealtimeRequirement)(const Plugin* plugin);
    bool (*set)(const Plugin* plugin, RenderMode mode);
};

}  // namespace vstkit::clap_abi
