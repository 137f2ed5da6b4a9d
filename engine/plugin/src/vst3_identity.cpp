// VstKit's identity as VST3 hosts know it. Every value here is in saved
// sessions and scan caches around the world: never change one.
#include "vstkit/formats/vst3/plugin_identity.h"

namespace vstkit::formats::vst3 {

const PluginIdentity& pluginIdentity() noexcept {
    static constexpr PluginIdentity kIdentity{
        .name = "VstKit",
        .vendor = "VstKit",
        .url = "https://vstkit.dev",
        .email = "",
        .version = "0.1.0",
        .categories = "Fx|Tools",
        // ABCDEF01 9182FAEB 56736B74 566B676E: JUCE's scheme for manufacturer
        // code "Vskt" and plugin code "Vkgn", as the first releases shipped.
        .componentClassId = {0xAB, 0xCD, 0xEF, 0x01, 0x91, 0x82, 0xFA, 0xEB, 0x56, 0x73, 0x6B, 0x74,
                             0x56, 0x6B, 0x67, 0x6E},
        // ABCDEF01 1234ABCD 56736B74 566B676E
        .controllerClassId = {0xAB, 0xCD, 0xEF, 0x01, 0x12, 0x34, 0xAB, 0xCD, 0x56, 0x73, 0x6B,
                              0x74, 0x56, 0x6B, 0x67, 0x6E},
    };
    return kIdentity;
}

}  // namespace vstkit::formats::vst3
