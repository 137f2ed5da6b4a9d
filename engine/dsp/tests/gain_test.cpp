#include "vstkit/dsp/gain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vstkit::dsp {
namespace {

TEST(Gain, KnownDecibelsGiveKnownFactors) {
    EXPECT_EQ(dbToLinear(0.0F), 1.0F);
    EXPECT_NEAR(dbToLinear(-6.0206F), 0.5F, 1e-6F);
    EXPECT_NEAR(dbToLinear(6.0206F), 2.0F, 2e-6F);
    EXPECT_NEAR(dbToLinear(-20.0F), 0.1F, 1e-7F);
    EXPECT_NEAR(dbToLinear(24.0F) / 15.848932F, 1.0F, 1e-6F);
    EXPECT_NEAR(dbToLinear(-24.0F) / 0.063095734F, 1.0F, 1e-6F);
}

TEST(Gain, MinusInfinityIsSilenceAndNanIsSilence) {
    EXPECT_EQ(dbToLinear(kSilenceDb), 0.0F);
    EXPECT_EQ(dbToLinear(std::numeric_limits<float>::quiet_NaN()), 0.0F);
}

TEST(Gain, ZeroNegativeAndNanGainsGiveMinusInfinityNotNan) {
    for (float gain : {0.0F, -0.0F, -1.0F, -1e-30F, std::numeric_limits<float>::quiet_NaN()}) {
        const float decibels = linearToDb(gain);
        EXPECT_FALSE(std::isnan(decibels)) << gain;
        EXPECT_EQ(decibels, kSilenceDb) << gain;
    }
}

TEST(Gain, DecibelsRoundTripAcrossTheParameterRange) {
    for (int tenth = -240; tenth <= 240; ++tenth) {
        const float decibels = static_cast<float>(tenth) / 10.0F;
        EXPECT_NEAR(linearToDb(dbToLinear(decibels)), decibels, 1e-5F) << decibels;
    }
}

}  // namespace
}  // namespace vstkit::dsp
