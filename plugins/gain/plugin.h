#pragma once

// The VstKit gain plugin: who it is, its parameters and its processor. This
// header is the whole plugin; vstkit_add_plugin() in CMakeLists.txt turns it
// into a VST3, an LV2 and a standalone app.

#include <array>
#include <span>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/dsp/smoothed_gain.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit_gain {

/// Everything here is in saved sessions, presets and scan caches around the
/// world: once released, never change a value.
inline constexpr vstkit::core::PluginIdentity kIdentity{
    .name = "VstKit",
    .vendor = "VstKit",
    .url = "https://vstkit.dev",
    .email = "",
    .version = "0.1.0",
    .description = "Smoothed stereo gain",
    .vst3Categories = "Fx|Tools",
    // ABCDEF01 9182FAEB 56736B74 566B676E: JUCE's scheme for manufacturer
    // code "Vskt" and plugin code "Vkgn", as the first releases shipped.
    .vst3ComponentId = {0xAB, 0xCD, 0xEF, 0x01, 0x91, 0x82, 0xFA, 0xEB, 0x56, 0x73, 0x6B, 0x74,
                        0x56, 0x6B, 0x67, 0x6E},
    // ABCDEF01 1234ABCD 56736B74 566B676E
    .vst3ControllerId = {0xAB, 0xCD, 0xEF, 0x01, 0x12, 0x34, 0xAB, 0xCD, 0x56, 0x73, 0x6B, 0x74,
                         0x56, 0x6B, 0x67, 0x6E},
    .lv2Uri = "https://vstkit.dev/plugins/vstkit-gain",
    .lv2Class = "AmplifierPlugin",
    // The JUCE-made releases said 1.0: a host must not prefer them.
    .lv2MinorVersion = 2,
    .lv2MicroVersion = 0,
    .clapId = "dev.vstkit.gain",
    .clapFeatures = "utility",
};

/// The rows of kParameters, in order.
enum Row : std::uint32_t { kGain, kBypass };

/// The parameter table. A row's stableId is its name in every saved session,
/// automation lane and LV2 port symbol: never rename or reuse one.
inline constexpr std::array<vstkit::protocol::ParamSpec, 2> kParameters{{
    {
        .stableId = "gain",
        .name = "Gain",
        .unit = "dB",
        .minValue = -24.0F,
        .maxValue = 24.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 1,
    },
    {
        .stableId = "bypass",
        .name = "Bypass",
        .unit = "",
        .minValue = 0.0F,
        .maxValue = 1.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 0,
        .kind = vstkit::protocol::ParamKind::Toggle,
        .role = vstkit::protocol::ParamRole::Bypass,
    },
}};

/// The kit's smoothed gain stage is this plugin's whole audio path; its
/// default rows are this table's Gain and Bypass.
using GainProcessor = vstkit::dsp::SmoothedGain;
static_assert(GainProcessor::Rows{}.gainDb == kGain && GainProcessor::Rows{}.bypass == kBypass);

struct Plugin {
    static constexpr const vstkit::core::PluginIdentity& identity = kIdentity;
    static constexpr std::span<const vstkit::protocol::ParamSpec> parameters{kParameters};
    using Processor = GainProcessor;
};

}  // namespace vstkit_gain
