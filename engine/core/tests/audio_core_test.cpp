#include "vstkit/core/audio_core.h"

#include <gtest/gtest.h>

#include "test_plugin.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "vstkit/dsp/gain.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::core {
namespace {

using testing::kGain;
using testing::testGainPlugin;

TEST(AudioCore, EventsApplyAtTheirOffsetAndAreReportedToTheController) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, 64);
    std::vector<float> samples(64, 1.0F);
    const std::array<float*, 1> channels{samples.data()};
    core.events().add({20, kGain, -12.0F}, true);
    core.process(channels, 64);
    EXPECT_EQ(samples[19], 1.0F);
    EXPECT_LT(samples[20], 1.0F);
    EXPECT_TRUE(core.events().empty());
    EXPECT_EQ(core.shared()->values.plain(kGain), -12.0F);
}

TEST(AudioCore, SlicesOfABlockSoundExactlyLikeTheWholeBlock) {
    const auto render = [](bool sliced) {
        AudioCore core{testGainPlugin()};
        core.prepare(48000.0, 3000);
        std::vector<float> samples(3000, 1.0F);
        core.events().add({10, kGain, -12.0F}, false);
        core.events().add({1500, kGain, 6.0F}, false);
        core.events().add({2999, kGain, 0.0F}, true);
        if (sliced) {
            for (std::size_t first = 0; first < samples.size(); first += 1024) {
                const std::size_t frames = std::min<std::size_t>(1024, samples.size() - first);
                const std::array<float*, 1> channels{samples.data() + first};
                core.processSlice(channels, first, frames, first + frames == samples.size());
            }
        } else {
            const std::array<float*, 1> channels{samples.data()};
            core.process(channels, samples.size());
        }
        EXPECT_TRUE(core.events().empty());
        return samples;
    };
    EXPECT_EQ(render(true), render(false));
}

TEST(AudioCore, EachRowsLastValueOfABlockIsStored) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, 64);
    std::vector<float> samples(64, 1.0F);
    const std::array<float*, 1> channels{samples.data()};
    core.events().add({1, kGain, -3.0F}, false);
    core.events().add({2, kGain, -6.0F}, false);
    core.events().add({3, kGain, -9.0F}, true);
    core.process(channels, 64);
    EXPECT_EQ(core.shared()->values.plain(kGain), -9.0F);
}

TEST(AudioCore, LoadedStateRampsInAtTheNextBlock) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, 64);
    const auto blob = [] {
        auto values = protocol::defaultValues(protocol::testing::kGainTable);
        values[kGain] = -6.0F;
        return protocol::serializeState(protocol::testing::kGainTable, values);
    }();
    ASSERT_EQ(core.loadState(blob), protocol::StateError::None);
    EXPECT_EQ(core.shared()->values.plain(kGain), -6.0F);
    std::vector<float> samples(2048, 1.0F);
    const std::array<float*, 1> channels{samples.data()};
    core.process(channels, samples.size());
    EXPECT_LT(samples.front(), 1.0F);
    EXPECT_GT(samples.front(), 0.99F);  // Ramped, no jump.
    EXPECT_FLOAT_EQ(samples.back(), dsp::dbToLinear(-6.0F));
}

TEST(AudioCore, MalformedStateChangesNothing) {
    AudioCore core{testGainPlugin()};
    core.loadValues([] {
        auto values = protocol::defaultValues(protocol::testing::kGainTable);
        values[kGain] = 3.0F;
        return values;
    }());
    const std::array<std::uint8_t, 6> garbage{'V', 'S', 'T', 'K', 1, 0};
    EXPECT_NE(core.loadState(garbage), protocol::StateError::None);
    EXPECT_EQ(core.shared()->values.plain(kGain), 3.0F);
    const auto saved = protocol::parseState(protocol::testing::kGainTable, core.saveState());
    ASSERT_TRUE(saved.values.has_value());
    EXPECT_EQ((*saved.values)[kGain], 3.0F);
}

// Run under ThreadSanitizer by the tsan stage: the audio thread processes
// with automation while the host thread loads state and reads the values.
TEST(AudioCoreConcurrency, AudioAndHostThreadsShareValuesWithoutRaces) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, 64);
    std::atomic<bool> running{true};
    std::thread audio{[&] {
        std::vector<float> left(64, 0.5F);
        std::vector<float> right(64, 0.5F);
        const std::array<float*, 2> channels{left.data(), right.data()};
        for (int block = 0; block < 20000; ++block) {
            core.events().add({static_cast<std::uint32_t>(block % 64), kGain,
                               static_cast<float>(block % 48 - 24)},
                              true);
            core.process(channels, 64);
        }
        running = false;
    }};
    auto values = protocol::defaultValues(protocol::testing::kGainTable);
    int rounds = 0;
    float seen = 0.0F;
    while (running) {
        values[kGain] = static_cast<float>(rounds++ % 10);
        static_cast<void>(
            core.loadState(protocol::serializeState(protocol::testing::kGainTable, values)));
        seen = core.shared()->values.plain(kGain);
        static_cast<void>(core.saveState());
    }
    audio.join();
    EXPECT_GT(rounds, 0);
    EXPECT_GE(seen, -24.0F);
}

#if VSTKIT_HAS_RTCHECK
TEST(AudioCore, ProcessNeverAllocatesOrLocks) {
    AudioCore core{testGainPlugin()};
    core.prepare(48000.0, 512);
    std::vector<float> left(512, 0.5F);
    std::vector<float> right(512, 0.5F);
    const std::array<float*, 2> channels{left.data(), right.data()};
    const rtcheck::RealtimeScope audioThread;
    for (int block = 0; block < 1000; ++block) {
        core.events().add(
            {static_cast<std::uint32_t>(block % 512), kGain, static_cast<float>(block % 48 - 24)},
            true);
        core.process(channels, 512);
    }
    core.process(channels, 0);
}
#endif

}  // namespace
}  // namespace vstkit::core
