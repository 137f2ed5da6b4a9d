// VstKit's identity as LV2 hosts know it. The URI is in saved sessions and
// presets around the world: never change it.
#include "vstkit/formats/lv2/plugin_identity.h"

namespace vstkit::formats::lv2 {

const PluginIdentity& pluginIdentity() noexcept {
    static constexpr PluginIdentity kIdentity{
        .uri = "https://vstkit.dev/plugins/vstkit-gain",
        .name = "VstKit",
        .vendor = "VstKit",
        .homepage = "https://vstkit.dev",
        .description = "Smoothed stereo gain",
        .pluginClass = "AmplifierPlugin",
        // The JUCE-made releases said 1.0: a host must not prefer them.
        .minorVersion = 2,
        .microVersion = 0,
    };
    return kIdentity;
}

}  // namespace vstkit::formats::lv2
