#include "vstkit/core/output_meters.h"

#include <gtest/gtest.h>

#include "test_plugin.h"

#include <array>
#include <cmath>
#include <vector>

#include "vstkit/core/audio_core.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::core {
namespace {

using testing::kGain;
using testing::testGainPlugin;

constexpr std::size_t kBlock = 64;

/// Runs `blocks` blocks of constant `level` on two channels (the right half as loud).
void processConstant(AudioCore& core, float level, std::size_t blocks) {
    std::vector<float> left(kBlock);
    std::vector<float> right(kBlock);
    const std::array<float*, 2> channels{left.data(), right.data()};
    for (std::size_t b = 0; b < blocks; ++b) {
        std::fill(left.begin(), left.end(), level);
        std::fill(right.begin(), right.end(), level / 2.0F);
        core.process(channels, kBlock);
    }
}

TEST(OutputMeters, MeasureTheProcessedOutputOnlyWhileSomeoneListens) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, kBlock);
    auto& meters = core.shared()->meters;
    processConstant(core, 0.5F, 100);
    EXPECT_EQ(meters.read(0).peak, 0.0F);  // Nobody listening: not measured.
    EXPECT_EQ(meters.channelCount(), 0U);

    meters.listen();
    processConstant(core, 0.5F, 400);  // 0.5 s: the RMS integrator settles.
    EXPECT_EQ(meters.channelCount(), 2U);
    EXPECT_FLOAT_EQ(meters.read(0).peak, 0.5F);
    EXPECT_FLOAT_EQ(meters.read(1).peak, 0.25F);
    EXPECT_NEAR(meters.read(0).rms, 0.5F, 1e-3F);

    // After the gain: the meters read the output, not the input.
    core.events().add({0, kGain, -6.0F}, true);
    processConstant(core, 0.5F, 200);
    EXPECT_NEAR(20.0F * std::log10(meters.read(0).peak), 20.0F * std::log10(0.5F) - 6.0F, 0.01F);

    meters.unlisten();
    processConstant(core, 1.5F, 10);
    EXPECT_EQ(meters.read(0).clips, 0U);  // Stopped with the last listener.
    EXPECT_EQ(meters.read(5).peak, 0.0F);
}

// A controller may hold the shared values after the audio side is gone (VST3
// lets either go first): its listeners are counted on without the core.
TEST(OutputMeters, ListenersOutliveTheCoreThatCountedThem) {
    std::shared_ptr<SharedParameters> shared;
    {
        AudioCore core{testGainPlugin()};
        shared = core.shared();
        shared->meters.listen();
        EXPECT_TRUE(shared->meters.isListenedTo());
    }
    EXPECT_TRUE(shared->meters.isListenedTo());
    shared->meters.unlisten();
    EXPECT_FALSE(shared->meters.isListenedTo());
}

#if VSTKIT_HAS_RTCHECK
TEST(OutputMeters, MeasuringInTheCoreNeverAllocatesOrLocks) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, kBlock);
    core.shared()->meters.listen();
    std::vector<float> left(kBlock, 0.5F);
    const std::array<float*, 1> channels{left.data()};
    const rtcheck::RealtimeScope audioThread;
    core.process(channels, kBlock);
    core.events().add({3, kGain, -6.0F}, true);
    core.process(channels, kBlock);
    core.process(channels, 0);
}
#endif

}  // namespace
}  // namespace vstkit::core
