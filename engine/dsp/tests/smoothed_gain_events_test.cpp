// Sample-accurate parameter events: SmoothedGain::process with the block's events.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "vstkit/dsp/gain.h"
#include "vstkit/dsp/smoothed_gain.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::dsp {
namespace {

constexpr double kRate = 48000.0;
constexpr std::uint32_t kGain = SmoothedGain::Rows{}.gainDb;
constexpr std::uint32_t kBypass = SmoothedGain::Rows{}.bypass;

std::vector<float> ones(std::size_t frames) {
    return std::vector<float>(frames, 1.0F);
}

void processMono(SmoothedGain& processor, std::vector<float>& samples,
                 std::span<const ParameterEvent> events) {
    const std::array<float*, 1> channels{samples.data()};
    processor.process(channels, samples.size(), events);
}

TEST(ProcessorEvents, APointAtOffset37LeavesTheFirst37SamplesUntouched) {
    SmoothedGain processor;
    processor.prepare(kRate, 64);
    auto block = ones(64);
    const std::array events{ParameterEvent{37, kGain, -24.0F}};
    processMono(processor, block, events);
    for (std::size_t i = 0; i < 37; ++i) {
        EXPECT_EQ(block[i], 1.0F) << "sample " << i;
    }
    EXPECT_LT(block[37], 1.0F);
    for (std::size_t i = 38; i < 64; ++i) {
        EXPECT_LT(block[i], block[i - 1]) << "sample " << i;
    }
}

TEST(ProcessorEvents, SplittingAtAnEventEqualsTwoSeparateBlocks) {
    SmoothedGain withEvent;
    SmoothedGain byHand;
    withEvent.prepare(kRate, 512);
    byHand.prepare(kRate, 512);
    auto eventBlock = ones(512);
    const std::array events{ParameterEvent{100, kGain, 6.0F}, ParameterEvent{300, kGain, -12.0F}};
    processMono(withEvent, eventBlock, events);

    auto handBlock = ones(512);
    const auto run = [&](std::size_t from, std::size_t to) {
        const std::array<float*, 1> channels{handBlock.data() + from};
        byHand.process(channels, to - from);
    };
    run(0, 100);
    byHand.setTargetGainDb(6.0F);
    run(100, 300);
    byHand.setTargetGainDb(-12.0F);
    run(300, 512);
    EXPECT_EQ(eventBlock, handBlock);  // Bit-identical.
}

TEST(ProcessorEvents, PointsEverySixteenFramesAreEachFollowed) {
    SmoothedGain processor;
    processor.prepare(kRate, 64);
    auto block = ones(64);
    // Alternating targets: each restarts the ramp at its own offset.
    const std::array events{ParameterEvent{0, kGain, -24.0F}, ParameterEvent{16, kGain, 24.0F},
                            ParameterEvent{32, kGain, -24.0F}, ParameterEvent{48, kGain, 24.0F}};
    processMono(processor, block, events);
    for (std::size_t segment = 0; segment < 4; ++segment) {
        const std::size_t start = segment * 16;
        const bool falling = segment % 2 == 0;
        for (std::size_t i = start + 1; i < start + 16; ++i) {
            if (falling) {
                EXPECT_LT(block[i], block[i - 1]) << "sample " << i;
            } else {
                EXPECT_GT(block[i], block[i - 1]) << "sample " << i;
            }
        }
    }
}

TEST(ProcessorEvents, EveryStepStaysWithinTheSmoothingBound) {
    SmoothedGain processor;
    processor.prepare(kRate, 64);
    // The largest step the 20 ms ramp allows for a full-range jump.
    const float maxStep = (dbToLinear(24.0F) - dbToLinear(-24.0F)) / 960.0F * 1.0001F;
    float previous = 1.0F;
    for (int block = 0; block < 100; ++block) {
        auto samples = ones(64);
        const std::array events{ParameterEvent{static_cast<std::uint32_t>(block % 64), kGain,
                                               block % 2 == 0 ? 24.0F : -24.0F}};
        processMono(processor, samples, events);
        for (const float sample : samples) {
            EXPECT_LE(std::abs(sample - previous), maxStep);
            previous = sample;
        }
    }
}

TEST(ProcessorEvents, AZeroFrameBlockOnlyAppliesTheChanges) {
    SmoothedGain processor;
    processor.prepare(kRate, 64);
    const std::array events{ParameterEvent{0, kGain, -6.0F}, ParameterEvent{5, kBypass, 1.0F}};
    processor.process(std::span<float* const>{}, 0, events);
    processor.reset();
    EXPECT_EQ(processor.currentGain(), 1.0F);  // Bypassed.
    const std::array unbypass{ParameterEvent{0, kBypass, 0.0F}};
    processor.process(std::span<float* const>{}, 0, unbypass);
    processor.reset();
    EXPECT_EQ(processor.currentGain(), dbToLinear(-6.0F));
}

TEST(ProcessorEvents, BypassEventRampsToUnityFromItsOffset) {
    SmoothedGain processor;
    processor.setTargetGainDb(-24.0F);
    processor.prepare(kRate, 64);
    auto block = ones(64);
    const std::array events{ParameterEvent{10, kBypass, 1.0F}};
    processMono(processor, block, events);
    EXPECT_EQ(block[9], dbToLinear(-24.0F));
    EXPECT_GT(block[10], block[9]);
}

TEST(ProcessorEvents, UnknownRowsAreIgnored) {
    SmoothedGain processor;
    processor.prepare(kRate, 64);
    auto block = ones(64);
    const std::array events{ParameterEvent{3, 999, -24.0F}};
    processMono(processor, block, events);
    EXPECT_EQ(block, ones(64));
}

#if VSTKIT_HAS_RTCHECK
TEST(ProcessorEvents, NeverAllocatesOrLocks) {
    SmoothedGain processor;
    processor.prepare(kRate, 4096);
    auto left = ones(4096);
    auto right = ones(4096);
    const std::array<float*, 2> channels{left.data(), right.data()};
    const std::array events{ParameterEvent{1, kGain, -6.0F}, ParameterEvent{700, kBypass, 1.0F},
                            ParameterEvent{4000, kGain, 3.0F}};
    const rtcheck::RealtimeScope audioThread;
    processor.process(channels, 4096, events);
    processor.process(channels, 0, events);
}
#endif

}  // namespace
}  // namespace vstkit::dsp
