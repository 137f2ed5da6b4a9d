#include "vstkit/dsp/level_meter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::dsp {
namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kBlock = 64;

float toDb(float linear) {
    return 20.0F * std::log10(linear);
}

/// Feeds `seconds` of a sine at `peakDb` dBFS through the meter, in 64-frame blocks.
void feedSine(LevelMeter& meter, double frequency, float peakDb, double seconds) {
    const float amplitude = std::pow(10.0F, peakDb / 20.0F);
    std::vector<float> block(kBlock);
    const auto blocks = static_cast<std::size_t>(seconds * kRate / kBlock);
    std::size_t frame = 0;
    for (std::size_t b = 0; b < blocks; ++b) {
        for (auto& sample : block) {
            sample = amplitude * static_cast<float>(std::sin(2.0 * std::numbers::pi * frequency *
                                                             static_cast<double>(frame++) / kRate));
        }
        meter.measure(block.data(), block.size());
    }
}

void feedSilence(LevelMeter& meter, double seconds) {
    const std::vector<float> block(kBlock, 0.0F);
    const auto blocks = static_cast<std::size_t>(seconds * kRate / kBlock);
    for (std::size_t b = 0; b < blocks; ++b) {
        meter.measure(block.data(), block.size());
    }
}

TEST(LevelMeter, ASineReadsItsPeakAndThreeDbLessRms) {
    for (const double frequency : {100.0, 1000.0, 9000.0}) {
        LevelMeter meter;
        meter.prepare(kRate);
        feedSine(meter, frequency, -6.0F, 1.0);
        EXPECT_NEAR(toDb(meter.peak()), -6.0F, 0.05F) << frequency << " Hz";
        EXPECT_NEAR(toDb(meter.rms()), -9.03F, 0.1F) << frequency << " Hz";
        EXPECT_EQ(meter.clips(), 0U);
    }
}

TEST(LevelMeter, BlocksOfAnyLengthReadTheSame) {
    for (const std::size_t frames : {1U, 3U, 61U, 64U, 100U, 4096U}) {
        LevelMeter meter;
        meter.prepare(kRate);
        std::vector<float> block(frames);
        std::size_t frame = 0;
        for (std::size_t played = 0; played < static_cast<std::size_t>(kRate); played += frames) {
            for (auto& sample : block) {
                sample = 0.5F * static_cast<float>(std::sin(2.0 * std::numbers::pi * 1000.0 *
                                                            static_cast<double>(frame++) / kRate));
            }
            meter.measure(block.data(), frames);
        }
        EXPECT_NEAR(toDb(meter.peak()), -6.02F, 0.05F) << frames << " frames";
        EXPECT_NEAR(toDb(meter.rms()), -9.03F, 0.1F) << frames << " frames";
    }
}

TEST(LevelMeter, SamplesBelowMinus300DbReadAsSilence) {
    LevelMeter meter;
    meter.prepare(kRate);
    const std::vector<float> tiny(kBlock, 1e-20F);
    for (int block = 0; block < 100; ++block) {
        meter.measure(tiny.data(), tiny.size());
    }
    EXPECT_EQ(meter.rms(), 0.0F);  // Their squares would be denormal: not added.
    EXPECT_EQ(meter.clips(), 0U);
}

TEST(LevelMeter, SilenceFallsBelowMinus60DbWithinASecond) {
    LevelMeter meter;
    meter.prepare(kRate);
    feedSine(meter, 1000.0, 0.0F, 0.5);
    feedSilence(meter, 0.8);
    EXPECT_LT(meter.peak(), std::pow(10.0F, -60.0F / 20.0F));
    EXPECT_LT(meter.rms(), std::pow(10.0F, -60.0F / 20.0F));
    feedSilence(meter, 10.0);
    EXPECT_EQ(meter.peak(), 0.0F);  // Flushed, never denormal.
    EXPECT_EQ(meter.rms(), 0.0F);
}

TEST(LevelMeter, APeakIsHeldLongEnoughForA20HzReader) {
    LevelMeter meter;
    meter.prepare(kRate);
    std::vector<float> block(kBlock, 0.0F);
    block[10] = 0.5F;
    meter.measure(block.data(), block.size());
    block[10] = 0.0F;
    feedSilence(meter, 0.045);
    EXPECT_EQ(meter.peak(), 0.5F);
}

TEST(LevelMeter, OverFullScaleCountsAClip) {
    LevelMeter meter;
    meter.prepare(kRate);
    feedSine(meter, 1000.0, -0.1F, 0.1);
    EXPECT_EQ(meter.clips(), 0U);
    feedSine(meter, 1000.0, 1.0F, 0.1);
    EXPECT_GT(meter.clips(), 0U);
}

TEST(LevelMeter, NanAndInfCountAsClipsAndLeaveTheReadings) {
    LevelMeter meter;
    meter.prepare(kRate);
    feedSine(meter, 1000.0, -6.0F, 0.5);
    const float peak = meter.peak();
    const float rms = meter.rms();
    for (const float bad :
         {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        std::vector<float> block(kBlock, 0.25F);
        block[3] = bad;
        meter.measure(block.data(), block.size());
        EXPECT_EQ(meter.peak(), peak);
        EXPECT_EQ(meter.rms(), rms);
    }
    EXPECT_EQ(meter.clips(), 2U);
    feedSine(meter, 1000.0, -6.0F, 0.5);
    EXPECT_NEAR(toDb(meter.rms()), -9.03F, 0.1F);
}

TEST(LevelMeter, EmptyBlocksChangeNothing) {
    LevelMeter meter;
    meter.prepare(kRate);
    feedSine(meter, 1000.0, -6.0F, 0.5);
    const float peak = meter.peak();
    meter.measure(nullptr, 0);
    EXPECT_EQ(meter.peak(), peak);
}

#if VSTKIT_HAS_RTCHECK
TEST(LevelMeter, MeasuringNeverAllocatesOrLocks) {
    LevelMeter meter;
    meter.prepare(kRate);
    std::vector<float> block(kBlock, 0.5F);
    const rtcheck::RealtimeScope audioThread;
    for (const std::size_t frames : {64U, 63U, 1U, 0U}) {
        meter.measure(block.data(), frames);
    }
}
#endif

}  // namespace
}  // namespace vstkit::dsp
