#include "vstkit/dsp/smoothed_gain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "vstkit/dsp/gain.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::dsp {
namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kRampFrames = 960;  // 20 ms at 48 kHz.
// Rounding of start + step * n near the top of the range.
constexpr float kUlpAtGainSixteen = 1.9073486e-6F;

std::vector<float> testSignal(std::size_t frames, float phaseOffset = 0.0F) {
    std::vector<float> signal(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        signal[i] = 0.8F * std::sin(0.0131F * static_cast<float>(i) + phaseOffset);
    }
    return signal;
}

std::vector<float> constantSignal(std::size_t frames) {
    return std::vector<float>(frames, 1.0F);
}

/// Runs a mono signal through the processor in blocks of blockFrames.
std::vector<float> processInBlocks(SmoothedGain& processor, std::vector<float> signal,
                                   std::size_t blockFrames) {
    for (std::size_t offset = 0; offset < signal.size(); offset += blockFrames) {
        float* channel = signal.data() + offset;
        const std::array<float*, 1> channels{channel};
        processor.process(channels, std::min(blockFrames, signal.size() - offset));
    }
    return signal;
}

void prepareSettledAt(SmoothedGain& processor, float gainDb) {
    processor.setTargetGainDb(gainDb);
    processor.prepare(kRate, 4096);
}

TEST(SmoothedGain, RampLengthIsTwentyMilliseconds) {
    SmoothedGain processor;
    processor.prepare(kRate, 512);
    EXPECT_EQ(processor.rampLengthFrames(), kRampFrames);
    processor.prepare(44100.0, 512);
    EXPECT_EQ(processor.rampLengthFrames(), 882U);
    processor.prepare(96000.0, 512);
    EXPECT_EQ(processor.rampLengthFrames(), 1920U);
}

TEST(SmoothedGain, UnityGainPassesAudioUnchanged) {
    SmoothedGain processor;
    prepareSettledAt(processor, 0.0F);
    const auto input = testSignal(4096);
    EXPECT_EQ(processInBlocks(processor, input, 512), input);
}

TEST(SmoothedGain, MinusSixPointZeroTwoDbHalves) {
    SmoothedGain processor;
    prepareSettledAt(processor, -6.0206F);
    const auto input = testSignal(1024);
    const auto output = processInBlocks(processor, input, 1024);
    for (std::size_t i = 0; i < input.size(); ++i) {
        ASSERT_NEAR(output[i], input[i] * 0.5F, 1e-7F) << i;
    }
}

TEST(SmoothedGain, RangeEndsAreExact) {
    for (const auto& [gainDb, factor] :
         {std::pair{24.0F, 15.848932F}, std::pair{-24.0F, 0.063095734F}}) {
        SmoothedGain processor;
        prepareSettledAt(processor, gainDb);
        const auto output = processInBlocks(processor, constantSignal(256), 256);
        for (float sample : output) {
            ASSERT_NEAR(sample / factor, 1.0F, 1e-5F) << gainDb;
        }
    }
}

TEST(SmoothedGain, SmoothingReachesTheTargetWithinTheRampAndNeverOvershoots) {
    SmoothedGain processor;
    prepareSettledAt(processor, -24.0F);
    processor.setTargetGainDb(24.0F);
    const auto gains = processInBlocks(processor, constantSignal(2 * kRampFrames), 64);
    const float start = dbToLinear(-24.0F);
    const float target = dbToLinear(24.0F);

    // Full-range jump: each sample may move at most 1/960 of the distance,
    // 0.016444 per sample at 48 kHz, plus one float ulp at gain 16 (1.9e-6).
    const float maxStep = (target - start) / static_cast<float>(kRampFrames) + kUlpAtGainSixteen;
    EXPECT_NEAR(maxStep, 0.016446F, 1e-6F);

    float previous = start;
    for (std::size_t i = 0; i < gains.size(); ++i) {
        ASSERT_GE(gains[i], previous) << "not monotonic at " << i;
        ASSERT_LE(gains[i], target) << "overshoot at " << i;
        ASSERT_LE(gains[i] - previous, maxStep) << "step too large at " << i;
        previous = gains[i];
    }
    EXPECT_LT(gains[kRampFrames - 2], target);
    EXPECT_EQ(gains[kRampFrames - 1], target);
    EXPECT_EQ(gains.back(), target);
    EXPECT_FALSE(processor.isSmoothing());
}

TEST(SmoothedGain, DownwardRampIsBoundedToo) {
    SmoothedGain processor;
    prepareSettledAt(processor, 24.0F);
    processor.setTargetGainDb(-24.0F);
    const auto gains = processInBlocks(processor, constantSignal(kRampFrames + 10), 7);
    const float maxStep =
        (dbToLinear(24.0F) - dbToLinear(-24.0F)) / static_cast<float>(kRampFrames) +
        kUlpAtGainSixteen;
    float previous = dbToLinear(24.0F);
    for (float gain : gains) {
        ASSERT_LE(gain, previous);
        ASSERT_GE(gain, dbToLinear(-24.0F));
        ASSERT_LE(previous - gain, maxStep);
        previous = gain;
    }
    EXPECT_EQ(gains.back(), dbToLinear(-24.0F));
}

TEST(SmoothedGain, OutputDoesNotDependOnBlockSize) {
    const auto input = testSignal(4096);
    const auto render = [&](std::size_t blockFrames) {
        SmoothedGain processor;
        prepareSettledAt(processor, 0.0F);
        processor.setTargetGainDb(-18.0F);
        auto output = input;
        // A second target change lands mid-ramp at frame 544 for every block size.
        std::size_t offset = 0;
        while (offset < output.size()) {
            if (offset == 544) {
                processor.setTargetGainDb(12.0F);
            }
            std::size_t frames = std::min(blockFrames, output.size() - offset);
            if (offset < 544) {
                frames = std::min(frames, 544 - offset);
            }
            const std::array<float*, 1> channels{output.data() + offset};
            processor.process(channels, frames);
            offset += frames;
        }
        return output;
    };
    const auto reference = render(4096);
    for (std::size_t blockFrames : {1U, 17U, 64U, 255U, 256U, 257U, 1000U}) {
        const auto output = render(blockFrames);
        for (std::size_t i = 0; i < reference.size(); ++i) {
            ASSERT_EQ(output[i], reference[i]) << "block " << blockFrames << " frame " << i;
        }
    }
}

TEST(SmoothedGain, ZeroFramesIsANoOp) {
    SmoothedGain processor;
    prepareSettledAt(processor, 0.0F);
    processor.setTargetGainDb(-12.0F);
    auto signal = testSignal(16);
    const auto before = signal;
    const std::array<float*, 1> channels{signal.data()};
    processor.process(channels, 0);
    EXPECT_EQ(signal, before);
    EXPECT_EQ(processor.currentGain(), 1.0F);
    processor.process(std::span<float* const>{}, 0);
}

TEST(SmoothedGain, EveryChannelGetsTheSameGainAndNullChannelsAreSkipped) {
    SmoothedGain processor;
    prepareSettledAt(processor, 0.0F);
    processor.setTargetGainDb(-6.0F);
    std::vector<std::vector<float>> buffers(8, testSignal(600));
    std::vector<float*> channels;
    for (auto& buffer : buffers) {
        channels.push_back(buffer.data());
    }
    channels[3] = nullptr;
    processor.process(channels, 600);
    for (std::size_t channel = 1; channel < buffers.size(); ++channel) {
        if (channel != 3) {
            EXPECT_EQ(buffers[channel], buffers[0]) << channel;
        }
    }
    EXPECT_EQ(buffers[3], testSignal(600));
}

TEST(SmoothedGain, NonFiniteInputDoesNotPoisonLaterBlocks) {
    SmoothedGain processor;
    prepareSettledAt(processor, -6.0F);
    processor.setTargetGainDb(-12.0F);
    std::vector<float> poisoned(64, std::numeric_limits<float>::quiet_NaN());
    poisoned[1] = std::numeric_limits<float>::infinity();
    poisoned[2] = -std::numeric_limits<float>::infinity();
    (void)processInBlocks(processor, poisoned, 64);

    SmoothedGain clean;
    prepareSettledAt(clean, -6.0F);
    clean.setTargetGainDb(-12.0F);
    (void)processInBlocks(clean, constantSignal(64), 64);

    const auto input = testSignal(2048);
    const auto output = processInBlocks(processor, input, 64);
    EXPECT_EQ(output, processInBlocks(clean, input, 64));
    EXPECT_TRUE(
        std::all_of(output.begin(), output.end(), [](float s) { return std::isfinite(s); }));
}

TEST(SmoothedGain, NonFiniteTargetsAreIgnored) {
    SmoothedGain processor;
    prepareSettledAt(processor, -6.0F);
    processor.setTargetGainDb(std::numeric_limits<float>::quiet_NaN());
    processor.setTargetGainDb(std::numeric_limits<float>::infinity());
    EXPECT_FALSE(processor.isSmoothing());
    EXPECT_EQ(processor.currentGain(), dbToLinear(-6.0F));
    processor.setTargetGainDb(kSilenceDb);
    const auto output = processInBlocks(processor, constantSignal(kRampFrames), 64);
    EXPECT_EQ(output.back(), 0.0F);
}

TEST(SmoothedGain, DenormalInputIsFlushed) {
    SmoothedGain processor;
    prepareSettledAt(processor, -6.0F);
    std::vector<float> tiny(512, std::numeric_limits<float>::denorm_min() * 1000.0F);
    const auto output = processInBlocks(processor, tiny, 512);
    for (float sample : output) {
        ASSERT_NE(std::fpclassify(sample), FP_SUBNORMAL);
    }
}

TEST(SmoothedGain, TinyNormalInputsNeverBecomeSubnormalAtTheQuietestGain) {
    // The quietest product: the smallest kept input times the smallest step
    // of a ramp down to silence at 192 kHz (3840 frames).
    SmoothedGain processor;
    processor.setTargetGainDb(-24.0F);
    processor.prepare(192000.0, 512);
    processor.setTargetGainDb(kSilenceDb);
    std::vector<float> tiny(4096, SmoothedGain::kSilenceFloor * 1.01F);
    const auto output = processInBlocks(processor, tiny, 512);
    for (float sample : output) {
        ASSERT_NE(std::fpclassify(sample), FP_SUBNORMAL);
    }
    EXPECT_EQ(output.back(), 0.0F);
}

TEST(SmoothedGain, GainsBelowMinusOneTwentyDbAreSilence) {
    SmoothedGain processor;
    prepareSettledAt(processor, -200.0F);
    EXPECT_EQ(processor.currentGain(), 0.0F);
    const auto output = processInBlocks(processor, constantSignal(64), 64);
    EXPECT_EQ(output.back(), 0.0F);
}

TEST(SmoothedGain, BypassRampsToUnityWithoutAJump) {
    SmoothedGain processor;
    prepareSettledAt(processor, -24.0F);
    processor.setBypassed(true);
    const auto gains = processInBlocks(processor, constantSignal(kRampFrames), 32);
    EXPECT_GT(gains.front(), dbToLinear(-24.0F));
    EXPECT_LT(gains.front(), dbToLinear(-24.0F) + 0.002F);
    EXPECT_EQ(gains.back(), 1.0F);
    processor.setTargetGainDb(-12.0F);  // Moves while bypassed are remembered, not heard.
    EXPECT_EQ(processInBlocks(processor, constantSignal(8), 8).back(), 1.0F);
    processor.setBypassed(false);
    const auto back = processInBlocks(processor, constantSignal(kRampFrames), 32);
    EXPECT_EQ(back.back(), dbToLinear(-12.0F));
}

#if VSTKIT_HAS_RTCHECK
TEST(SmoothedGain, NeverAllocatesOrLocksOutsidePrepare) {
    SmoothedGain processor;
    processor.prepare(kRate, 4096);  // The one call allowed to allocate.
    auto left = testSignal(5000);
    auto right = testSignal(5000, 0.3F);
    const std::array<float*, 2> channels{left.data(), right.data()};
    {
        // Aborts the test with the call's name on any allocation or lock
        // (where interposers exist: not in sanitizer builds).
        const rtcheck::RealtimeScope audioThread;
        for (const float gainDb : {-6.0F, 12.0F, kSilenceDb, 0.0F}) {
            processor.setTargetGainDb(gainDb);
            processor.process(channels, 64);
            processor.process(channels, 5000);
            processor.process(channels, 0);
            processor.setBypassed(gainDb > 0.0F);
        }
        processor.reset();
    }
    EXPECT_EQ(processor.currentGain(), 1.0F);  // Reset settles on the last target, 0 dB.
}
#endif

TEST(SmoothedGain, ResetSettlesOnTheTarget) {
    SmoothedGain processor;
    prepareSettledAt(processor, 0.0F);
    processor.setTargetGainDb(-20.0F);
    EXPECT_TRUE(processor.isSmoothing());
    processor.reset();
    EXPECT_FALSE(processor.isSmoothing());
    EXPECT_NEAR(processor.currentGain(), 0.1F, 1e-7F);
}

}  // namespace
}  // namespace vstkit::dsp
