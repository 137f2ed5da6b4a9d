// The plugin the standalone format's tests run: a gain-shaped test table and
// the kit's smoothed gain stage (an app binary is built for exactly one).
#include "vstkit/core/plugin_definition.h"
#include "vstkit/dsp/smoothed_gain.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace {

struct TestGainPlugin {
    static constexpr vstkit::core::PluginIdentity identity{.name = "Standalone Test Gain",
                                                           .vendor = "VstKit tests"};
    static constexpr std::span<const vstkit::protocol::ParamSpec> parameters{
        vstkit::protocol::testing::kGainTable};
    using Processor = vstkit::dsp::SmoothedGain;
};

}  // namespace

VSTKIT_PLUGIN(TestGainPlugin)
