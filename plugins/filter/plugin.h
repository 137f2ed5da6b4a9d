#pragma once

// VstKit Filter: who it is, its parameters and its processor. This header is
// the whole plugin; vstkit_add_plugin() in CMakeLists.txt turns it into a
// VST3, an LV2 and a standalone app.

#include <array>
#include <span>
#include <string_view>

#include "filter_processor.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit_filter {

/// Everything here is in saved sessions, presets and scan caches: once
/// released, never change a value.
inline constexpr vstkit::core::PluginIdentity kIdentity{
    .name = "VstKit Filter",
    .vendor = "VstKit",
    .url = "https://vstkit.dev",
    .email = "",
    .version = "0.1.0",
    .description = "State-variable filter: low-pass, high-pass, band-pass, notch",
    .vst3Categories = "Fx|Filter",
    // "VstKitFilterCmp1" and "VstKitFilterCtl1" in ASCII: VstKit's own
    // class IDs for this plugin, never used by anything else.
    .vst3ComponentId = {'V', 's', 't', 'K', 'i', 't', 'F', 'i', 'l', 't', 'e', 'r', 'C', 'm', 'p',
                        '1'},
    .vst3ControllerId = {'V', 's', 't', 'K', 'i', 't', 'F', 'i', 'l', 't', 'e', 'r', 'C', 't', 'l',
                         '1'},
    .lv2Uri = "https://vstkit.dev/plugins/vstkit-filter",
    .lv2Class = "FilterPlugin",
    .lv2MinorVersion = 2,
    .lv2MicroVersion = 0,
    .clapId = "dev.vstkit.filter",
    .clapFeatures = "filter",
};

/// The Mode labels, in the order of FilterMode.
inline constexpr std::array<std::string_view, 4> kModeLabels{"Low-pass", "High-pass", "Band-pass",
                                                             "Notch"};

/// The parameter table, in FilterRow order. A row's stableId is its name in
/// every saved session, automation lane and LV2 port symbol: never rename or
/// reuse one.
inline constexpr std::array<vstkit::protocol::ParamSpec, 4> kParameters{{
    {
        .stableId = "cutoff",
        .name = "Cutoff",
        .unit = "Hz",
        .minValue = 20.0F,
        .maxValue = 20000.0F,
        .defaultValue = 1000.0F,
        .displayDecimals = 0,
        // Octaves are what the ear hears: 632 Hz at the middle of the range.
        .mapping = vstkit::protocol::ParamMapping::Logarithmic,
    },
    {
        .stableId = "resonance",
        .name = "Resonance",
        .unit = "Q",
        .minValue = 0.5F,
        .maxValue = 20.0F,
        .defaultValue = 0.70710678F,
        .displayDecimals = 2,
        .mapping = vstkit::protocol::ParamMapping::Logarithmic,
    },
    {
        .stableId = "mode",
        .name = "Mode",
        .unit = "",
        .minValue = 0.0F,
        .maxValue = 3.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 0,
        .kind = vstkit::protocol::ParamKind::Choice,
        .choices = kModeLabels,
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
static_assert(kParameters[static_cast<std::size_t>(FilterRow::Cutoff)].stableId == "cutoff");
static_assert(kParameters[static_cast<std::size_t>(FilterRow::Resonance)].stableId == "resonance");
static_assert(kParameters[static_cast<std::size_t>(FilterRow::Mode)].stableId == "mode");
static_assert(kParameters[static_cast<std::size_t>(FilterRow::Bypass)].stableId == "bypass");

struct Plugin {
    static constexpr const vstkit::core::PluginIdentity& identity = kIdentity;
    static constexpr std::span<const vstkit::protocol::ParamSpec> parameters{kParameters};
    /// Stereo or mono, channel by channel; a resonant ring is its tail.
    static constexpr vstkit::core::AudioFacts audio{
        .layouts = vstkit::core::kStereoOrMono,
        .tail = vstkit::core::TailLength::seconds(FilterProcessor::kLongestRingSeconds),
    };
    using Processor = FilterProcessor;
};

}  // namespace vstkit_filter
