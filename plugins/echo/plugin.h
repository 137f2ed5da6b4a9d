#pragma once

// VstKit Echo: who it is, its audio, its parameters and its processor. This
// header is the whole plugin; vstkit_add_plugin() in CMakeLists.txt turns it
// into a VST3, an LV2 and a standalone app.

#include <array>
#include <cstddef>
#include <span>

#include "echo_processor.h"
#include "vstkit/core/audio_facts.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit_echo {

/// Everything here is in saved sessions, presets and scan caches: once
/// released, never change a value.
inline constexpr vstkit::core::PluginIdentity kIdentity{
    .name = "VstKit Echo",
    .vendor = "VstKit",
    .url = "https://vstkit.dev",
    .email = "",
    .version = "0.1.0",
    .description = "Mono feedback echo with a darkening repeat filter",
    .vst3Categories = "Fx|Delay",
    // "VstKitEchoComp01" and "VstKitEchoCtrl01" in ASCII: VstKit's own
    // class IDs for this plugin, never used by anything else.
    .vst3ComponentId = {'V', 's', 't', 'K', 'i', 't', 'E', 'c', 'h', 'o', 'C', 'o', 'm', 'p', '0',
                        '1'},
    .vst3ControllerId = {'V', 's', 't', 'K', 'i', 't', 'E', 'c', 'h', 'o', 'C', 't', 'r', 'l', '0',
                         '1'},
    .lv2Uri = "https://vstkit.dev/plugins/vstkit-echo",
    .lv2Class = "DelayPlugin",
    .lv2MinorVersion = 2,
    .lv2MicroVersion = 0,
    .clapId = "dev.vstkit.echo",
    .clapFeatures = "delay",
};

/// Mono only: the echo is one line, and on a mono track (a vocal, a guitar)
/// is where it lives.
inline constexpr std::array<vstkit::core::ChannelLayout, 1> kLayouts{vstkit::core::kMono};

/// The parameter table, in EchoRow order. A row's stableId is its name in
/// every saved session, automation lane and LV2 port symbol: never rename or
/// reuse one.
inline constexpr std::array<vstkit::protocol::ParamSpec, 5> kParameters{{
    {
        .stableId = "time",
        .name = "Time",
        .unit = "ms",
        .minValue = EchoProcessor::kMinTimeMs,
        .maxValue = EchoProcessor::kMaxTimeMs,
        .defaultValue = EchoProcessor::kDefaultTimeMs,
        .displayDecimals = 1,
        // Equal ratios feel equal: 31.6 ms, a slapback, at the middle.
        .mapping = vstkit::protocol::ParamMapping::Logarithmic,
    },
    {
        .stableId = "feedback",
        .name = "Feedback",
        .unit = "%",
        .minValue = 0.0F,
        .maxValue = EchoProcessor::kMaxFeedbackPercent,
        .defaultValue = EchoProcessor::kDefaultFeedbackPercent,
        .displayDecimals = 0,
    },
    {
        .stableId = "tone",
        .name = "Tone",
        .unit = "Hz",
        .minValue = EchoProcessor::kMinToneHz,
        .maxValue = EchoProcessor::kMaxToneHz,
        .defaultValue = EchoProcessor::kDefaultToneHz,
        .displayDecimals = 0,
        // Octaves are what the ear hears: 3162 Hz at the middle of the range.
        .mapping = vstkit::protocol::ParamMapping::Logarithmic,
    },
    {
        .stableId = "mix",
        .name = "Mix",
        .unit = "%",
        .minValue = 0.0F,
        .maxValue = 100.0F,
        .defaultValue = EchoProcessor::kDefaultMixPercent,
        .displayDecimals = 0,
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
static_assert(kParameters[static_cast<std::size_t>(EchoRow::Time)].stableId == "time");
static_assert(kParameters[static_cast<std::size_t>(EchoRow::Feedback)].stableId == "feedback");
static_assert(kParameters[static_cast<std::size_t>(EchoRow::Tone)].stableId == "tone");
static_assert(kParameters[static_cast<std::size_t>(EchoRow::Mix)].stableId == "mix");
static_assert(kParameters[static_cast<std::size_t>(EchoRow::Bypass)].stableId == "bypass");

struct Plugin {
    static constexpr const vstkit::core::PluginIdentity& identity = kIdentity;
    static constexpr std::span<const vstkit::protocol::ParamSpec> parameters{kParameters};
    static constexpr vstkit::core::AudioFacts audio{
        .layouts = kLayouts,
        // Feedback decides how long the repeats ring: the processor's
        // ProcessStatus says when they have died away.
        .tail = vstkit::core::TailLength::untilSilent(),
        .latencySamples = 0,
    };
    using Processor = EchoProcessor;
};

}  // namespace vstkit_echo
