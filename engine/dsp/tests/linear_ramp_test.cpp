#include "vstkit/dsp/linear_ramp.h"

#include <gtest/gtest.h>

#include <vector>

namespace vstkit::dsp {
namespace {

std::vector<float> fillFrames(LinearRamp& ramp, std::size_t frames) {
    std::vector<float> gains(frames);
    ramp.fill(gains);
    return gains;
}

TEST(LinearRamp, StepsLinearlyAndLandsExactlyOnTheTarget) {
    LinearRamp ramp;
    ramp.setLength(4);
    ramp.jumpTo(0.0F);
    ramp.setTarget(1.0F);
    EXPECT_EQ(fillFrames(ramp, 6), (std::vector<float>{0.25F, 0.5F, 0.75F, 1.0F, 1.0F, 1.0F}));
    EXPECT_FALSE(ramp.isRamping());
}

TEST(LinearRamp, NewTargetMidRampStartsFromTheCurrentGain) {
    LinearRamp ramp;
    ramp.setLength(4);
    ramp.jumpTo(0.0F);
    ramp.setTarget(1.0F);
    EXPECT_EQ(fillFrames(ramp, 2), (std::vector<float>{0.25F, 0.5F}));
    ramp.setTarget(0.0F);
    EXPECT_EQ(fillFrames(ramp, 5), (std::vector<float>{0.375F, 0.25F, 0.125F, 0.0F, 0.0F}));
}

TEST(LinearRamp, SameTargetDoesNotRestartTheRamp) {
    LinearRamp ramp;
    ramp.setLength(4);
    ramp.jumpTo(0.0F);
    ramp.setTarget(1.0F);
    EXPECT_EQ(fillFrames(ramp, 1), (std::vector<float>{0.25F}));
    ramp.setTarget(1.0F);
    EXPECT_EQ(fillFrames(ramp, 3), (std::vector<float>{0.5F, 0.75F, 1.0F}));
}

TEST(LinearRamp, SkipAdvancesLikeFill) {
    LinearRamp filled;
    LinearRamp skipped;
    for (LinearRamp* ramp : {&filled, &skipped}) {
        ramp->setLength(100);
        ramp->jumpTo(0.5F);
        ramp->setTarget(2.0F);
    }
    (void)fillFrames(filled, 37);
    skipped.skip(37);
    EXPECT_EQ(filled.current(), skipped.current());
    EXPECT_EQ(fillFrames(filled, 80), fillFrames(skipped, 80));
}

TEST(LinearRamp, LengthIsAtLeastOneSample) {
    LinearRamp ramp;
    ramp.setLength(0);
    EXPECT_EQ(ramp.length(), 1U);
    ramp.setTarget(0.5F);
    EXPECT_EQ(fillFrames(ramp, 2), (std::vector<float>{0.5F, 0.5F}));
}

}  // namespace
}  // namespace vstkit::dsp
