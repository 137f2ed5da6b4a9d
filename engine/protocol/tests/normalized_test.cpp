#include "vstkit/protocol/normalized.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "vstkit/protocol/params.h"

namespace vstkit::protocol {
namespace {

const ParamSpec& gainSpec() {
    return spec(ParamId::Gain);
}

TEST(Normalized, EndsAndMiddleMapExactly) {
    EXPECT_EQ(toNormalized(gainSpec(), -24.0F), 0.0F);
    EXPECT_EQ(toNormalized(gainSpec(), 0.0F), 0.5F);
    EXPECT_EQ(toNormalized(gainSpec(), 24.0F), 1.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), 0.0F), -24.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), 0.5F), 0.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), 1.0F), 24.0F);
    EXPECT_FLOAT_EQ(toNormalized(gainSpec(), -6.0F), 0.375F);
}

TEST(Normalized, RoundTripsAcrossTheWholeRange) {
    for (int step = 0; step <= 4800; ++step) {
        const float plain = -24.0F + static_cast<float>(step) * 0.01F;
        const float back = fromNormalized(gainSpec(), toNormalized(gainSpec(), plain));
        EXPECT_NEAR(back, plain, 1e-5F) << "plain " << plain;
    }
    for (int step = 0; step <= 1000; ++step) {
        const float normalized = static_cast<float>(step) / 1000.0F;
        const float back = toNormalized(gainSpec(), fromNormalized(gainSpec(), normalized));
        EXPECT_NEAR(back, normalized, 1e-6F) << "normalized " << normalized;
    }
}

TEST(Normalized, OutOfRangeInputIsClamped) {
    EXPECT_EQ(toNormalized(gainSpec(), -100.0F), 0.0F);
    EXPECT_EQ(toNormalized(gainSpec(), 100.0F), 1.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), -0.5F), -24.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), 1.5F), 24.0F);
    EXPECT_EQ(toNormalized(gainSpec(), -std::numeric_limits<float>::infinity()), 0.0F);
    EXPECT_EQ(fromNormalized(gainSpec(), std::numeric_limits<float>::infinity()), 24.0F);
}

TEST(Normalized, NanBecomesTheDefault) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(clampPlain(gainSpec(), nan), 0.0F);
    EXPECT_EQ(toNormalized(gainSpec(), nan), 0.5F);
    EXPECT_EQ(fromNormalized(gainSpec(), nan), 0.0F);
}

TEST(Normalized, TogglesSnapToTheirEnds) {
    const ParamSpec& bypass = spec(ParamId::Bypass);
    EXPECT_EQ(toNormalized(bypass, 0.0F), 0.0F);
    EXPECT_EQ(toNormalized(bypass, 1.0F), 1.0F);
    EXPECT_EQ(toNormalized(bypass, 0.49F), 0.0F);
    EXPECT_EQ(fromNormalized(bypass, 0.5F), 1.0F);
    EXPECT_EQ(fromNormalized(bypass, 0.2F), 0.0F);
    EXPECT_EQ(clampPlain(bypass, 0.8F), 1.0F);
}

}  // namespace
}  // namespace vstkit::protocol
