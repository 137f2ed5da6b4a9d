#include "audio_path.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "vstkit/dsp/gain.h"
#include "vstkit/protocol/testing/gain_table.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::formats::standalone {
namespace {

constexpr auto kGain = static_cast<std::uint32_t>(protocol::testing::kGain);
constexpr std::size_t kFrames = 64;

protocol::ParamValues valuesWithGain(float gainDb) {
    auto values = protocol::defaultValues(protocol::testing::kGainTable);
    values[kGain] = gainDb;
    return values;
}

/// `channels` planar runs of `frames` samples, each sample its channel's level.
std::vector<float> planar(std::size_t frames, std::vector<float> levels) {
    std::vector<float> samples;
    for (const float level : levels) {
        samples.insert(samples.end(), frames, level);
    }
    return samples;
}

std::unique_ptr<AudioPath> preparedPath(std::size_t inputs, std::size_t outputs, float gainDb,
                                        std::size_t maxFrames = kFrames) {
    auto path = std::make_unique<AudioPath>();
    path->prepare(48000.0, maxFrames, inputs, outputs, valuesWithGain(gainDb));
    return path;
}

TEST(AudioPath, StereoInputPlaysThroughTheCoreAtTheStartingGain) {
    auto path = preparedPath(2, 2, -6.0F);
    const auto input = planar(kFrames, {0.5F, -0.25F});
    std::vector<float> output(2 * kFrames, 9.0F);
    path->process(input.data(), output.data(), kFrames, false);
    const float gain = dsp::dbToLinear(-6.0F);
    EXPECT_FLOAT_EQ(output[0], 0.5F * gain);
    EXPECT_FLOAT_EQ(output[kFrames - 1], 0.5F * gain);
    EXPECT_FLOAT_EQ(output[kFrames], -0.25F * gain);
    EXPECT_FLOAT_EQ(output[2 * kFrames - 1], -0.25F * gain);
}

TEST(AudioPath, MonoInputFeedsBothSides) {
    auto path = preparedPath(1, 2, 0.0F);
    const auto input = planar(kFrames, {0.5F});
    std::vector<float> output(2 * kFrames, 9.0F);
    path->process(input.data(), output.data(), kFrames, false);
    EXPECT_FLOAT_EQ(output[3], 0.5F);
    EXPECT_FLOAT_EQ(output[kFrames + 3], 0.5F);
}

TEST(AudioPath, MonoOutputGetsTheMeanOfBothSides) {
    auto path = preparedPath(2, 1, 0.0F);
    const auto input = planar(kFrames, {0.5F, 0.25F});
    std::vector<float> output(kFrames, 9.0F);
    path->process(input.data(), output.data(), kFrames, false);
    EXPECT_FLOAT_EQ(output[0], 0.375F);
    EXPECT_FLOAT_EQ(output[kFrames - 1], 0.375F);
}

TEST(AudioPath, WithoutInputThePluginHearsSilence) {
    auto path = preparedPath(0, 2, 0.0F);
    std::vector<float> output(2 * kFrames, 9.0F);
    path->process(nullptr, output.data(), kFrames, false);
    for (const float sample : output) {
        EXPECT_EQ(sample, 0.0F);
    }
}

TEST(AudioPath, AnEditRampsFromTheNextBlockAndIsReported) {
    auto path = preparedPath(2, 2, 0.0F);
    ASSERT_TRUE(path->edits().push({kGain, -12.0F}));
    const auto input = planar(kFrames, {1.0F, 1.0F});
    std::vector<float> output(2 * kFrames);
    path->process(input.data(), output.data(), kFrames, false);
    // The 20 ms ramp starts with this block: falling, not yet at the target.
    EXPECT_LT(output[kFrames - 1], output[0]);
    EXPECT_GT(output[kFrames - 1], dsp::dbToLinear(-12.0F));
    for (int block = 0; block < 20; ++block) {
        path->process(input.data(), output.data(), kFrames, false);
    }
    EXPECT_FLOAT_EQ(output[kFrames - 1], dsp::dbToLinear(-12.0F));
    EXPECT_EQ(path->shared().values.plain(kGain), -12.0F);
}

TEST(AudioPath, BlocksLongerThanPreparedSoundLikeOneBlock) {
    constexpr std::size_t kLong = 1000;
    std::vector<float> input(2 * kLong);
    for (std::size_t i = 0; i < input.size(); ++i) {
        input[i] = static_cast<float>(i % 97) / 97.0F - 0.5F;
    }
    const auto render = [&input](std::size_t maxFrames) {
        auto path = preparedPath(2, 2, 0.0F, maxFrames);
        EXPECT_TRUE(path->edits().push({kGain, -9.0F}));
        std::vector<float> output(2 * kLong);
        path->process(input.data(), output.data(), kLong, false);
        return output;
    };
    EXPECT_EQ(render(64), render(kLong));
}

TEST(AudioPath, CountsTheBlocksTheDeviceFlagged) {
    auto path = preparedPath(2, 2, 0.0F);
    const auto input = planar(kFrames, {0.0F, 0.0F});
    std::vector<float> output(2 * kFrames);
    path->process(input.data(), output.data(), kFrames, true);
    path->process(input.data(), output.data(), kFrames, false);
    path->process(input.data(), output.data(), kFrames, true);
    EXPECT_EQ(path->xruns(), 2U);
}

#if VSTKIT_HAS_RTCHECK
TEST(AudioPath, ProcessNeverAllocatesLocksOrBlocks) {
    auto path = preparedPath(2, 2, 0.0F);
    // Room for the longer blocks below, which the path processes in slices.
    const auto input = planar(3 * kFrames, {0.5F, 0.5F});
    std::vector<float> output(2 * 3 * kFrames);
    const rtcheck::RealtimeScope audioThread;  // Aborts on any forbidden call.
    for (int block = 0; block < 1000; ++block) {
        path->edits().push({kGain, static_cast<float>(block % 48 - 24)});
        path->process(input.data(), output.data(), kFrames, block % 100 == 0);
        path->process(input.data(), output.data(), 3 * kFrames, false);
    }
}
#endif

}  // namespace
}  // namespace vstkit::formats::standalone
