// A mono-only plugin for the standalone format's mono tests: the gain-shaped
// test table and the kit's gain stage, declared mono in, mono out (an app
// binary is built for exactly one plugin, so these tests are a binary of
// their own).
#include <array>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/dsp/smoothed_gain.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace {

constexpr std::array<vstkit::core::ChannelLayout, 1> kMonoOnly{vstkit::core::kMono};

struct TestMonoPlugin {
    static constexpr vstkit::core::PluginIdentity identity{.name = "Standalone Test Mono",
                                                           .vendor = "VstKit tests"};
    static constexpr std::span<const vstkit::protocol::ParamSpec> parameters{
        vstkit::protocol::testing::kGainTable};
    static constexpr vstkit::core::AudioFacts audio{.layouts = kMonoOnly};
    using Processor = vstkit::dsp::SmoothedGain;
};

}  // namespace

VSTKIT_PLUGIN(TestMonoPlugin)
