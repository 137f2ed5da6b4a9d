#pragma once

#include <cstdint>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/dsp/smoothed_gain.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::core::testing {

/// A gain-shaped plugin for the core's tests: the test gain table and the
/// kit's smoothed gain stage as its processor.
struct TestGainPlugin {
    static constexpr PluginIdentity identity{.name = "Core Test Gain", .vendor = "VstKit tests"};
    static constexpr std::span<const protocol::ParamSpec> parameters{protocol::testing::kGainTable};
    using Processor = dsp::SmoothedGain;
};

inline const PluginDefinition& testGainPlugin() {
    return definitionOf<TestGainPlugin>();
}

inline constexpr auto kGain = static_cast<std::uint32_t>(protocol::testing::kGain);
inline constexpr auto kBypass = static_cast<std::uint32_t>(protocol::testing::kGainBypass);

}  // namespace vstkit::core::testing
