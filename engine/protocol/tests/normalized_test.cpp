#include "vstkit/protocol/normalized.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::protocol {
namespace {

const ParamSpec& gainSpec() {
    return testing::kGainTable[testing::kGain];
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
    const ParamSpec& bypass = testing::kGainTable[testing::kGainBypass];
    EXPECT_EQ(toNormalized(bypass, 0.0F), 0.0F);
    EXPECT_EQ(toNormalized(bypass, 1.0F), 1.0F);
    EXPECT_EQ(toNormalized(bypass, 0.49F), 0.0F);
    EXPECT_EQ(fromNormalized(bypass, 0.5F), 1.0F);
    EXPECT_EQ(fromNormalized(bypass, 0.2F), 0.0F);
    EXPECT_EQ(clampPlain(bypass, 0.8F), 1.0F);
}

using testing::kEveryKindTable;

const ParamSpec& everyKind(testing::EveryKindRow row) {
    return kEveryKindTable[row];
}

TEST(Normalized, LogarithmicPutsTheGeometricMeanAtTheMiddle) {
    const ParamSpec& cutoff = everyKind(testing::kCutoff);
    EXPECT_EQ(fromNormalized(cutoff, 0.0F), 20.0F);
    EXPECT_EQ(fromNormalized(cutoff, 1.0F), 20000.0F);
    EXPECT_NEAR(fromNormalized(cutoff, 0.5F), 632.4555F, 1e-3F);  // sqrt(20 * 20000)
    EXPECT_NEAR(fromNormalized(cutoff, 1.0F / 3.0F), 200.0F, 1e-3F);
    EXPECT_NEAR(fromNormalized(cutoff, 2.0F / 3.0F), 2000.0F, 1e-2F);
    EXPECT_EQ(toNormalized(cutoff, 20.0F), 0.0F);
    EXPECT_EQ(toNormalized(cutoff, 20000.0F), 1.0F);
    EXPECT_NEAR(toNormalized(cutoff, 632.4555F), 0.5F, 1e-6F);
    EXPECT_NEAR(toNormalized(cutoff, 1000.0F), 0.566323F, 1e-6F);  // log(50) / log(1000)
}

TEST(Normalized, SkewedPutsItsMiddleValueAtTheMiddle) {
    const ParamSpec& attack = everyKind(testing::kAttack);
    EXPECT_EQ(fromNormalized(attack, 0.0F), 0.0F);
    EXPECT_EQ(fromNormalized(attack, 1.0F), 1000.0F);
    EXPECT_NEAR(fromNormalized(attack, 0.5F), 100.0F, 1e-4F);
    EXPECT_NEAR(toNormalized(attack, 100.0F), 0.5F, 1e-6F);
    // Monotonic, and denser at the low end than a straight line.
    EXPECT_LT(fromNormalized(attack, 0.25F), 250.0F);
    EXPECT_LT(fromNormalized(attack, 0.25F), fromNormalized(attack, 0.26F));

    ParamSpec slowEnd = attack;
    slowEnd.skewMidValue = 900.0F;  // Bent the other way.
    EXPECT_NEAR(fromNormalized(slowEnd, 0.5F), 900.0F, 1e-3F);
    EXPECT_NEAR(toNormalized(slowEnd, 900.0F), 0.5F, 1e-6F);
}

TEST(Normalized, MappedRowsRoundTripWithinFloatPrecision) {
    for (const auto row : {testing::kCutoff, testing::kAttack, testing::kResonance}) {
        const ParamSpec& spec = everyKind(row);
        for (int step = 0; step <= 1000; ++step) {
            const float normalized = static_cast<float>(step) / 1000.0F;
            const float plain = fromNormalized(spec, normalized);
            EXPECT_NEAR(toNormalized(spec, plain), normalized, 2e-7F)
                << spec.name << " at " << normalized;
            const float back = fromNormalized(spec, toNormalized(spec, plain));
            // A few ulps of the value itself, or of the range near zero.
            EXPECT_NEAR(back, plain, 4e-7F * std::max(std::abs(plain), 1.0F))
                << spec.name << " plain " << plain;
        }
    }
}

TEST(Normalized, MappedRowsClampAndMapNanToTheDefault) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (const auto row : {testing::kCutoff, testing::kAttack}) {
        const ParamSpec& spec = everyKind(row);
        EXPECT_EQ(toNormalized(spec, -1.0e6F), 0.0F);
        EXPECT_EQ(toNormalized(spec, 1.0e6F), 1.0F);
        EXPECT_EQ(fromNormalized(spec, -0.5F), spec.minValue);
        EXPECT_EQ(fromNormalized(spec, 1.5F), spec.maxValue);
        EXPECT_EQ(fromNormalized(spec, nan), spec.defaultValue);
        EXPECT_EQ(clampPlain(spec, nan), spec.defaultValue);
        EXPECT_FLOAT_EQ(toNormalized(spec, nan), toNormalized(spec, spec.defaultValue));
    }
}

TEST(Normalized, SteppedValuesRoundToTheNearestStep) {
    const ParamSpec& transpose = everyKind(testing::kTranspose);  // -12..12
    EXPECT_EQ(stepCount(transpose), 24);
    EXPECT_EQ(fromNormalized(transpose, 0.0F), -12.0F);
    EXPECT_EQ(fromNormalized(transpose, 0.5F), 0.0F);
    EXPECT_EQ(fromNormalized(transpose, 1.0F), 12.0F);
    EXPECT_EQ(fromNormalized(transpose, 0.52F), 0.0F);    // 0.48 of a step above 0
    EXPECT_EQ(fromNormalized(transpose, 0.522F), 1.0F);   // 0.528 of a step
    EXPECT_EQ(fromNormalized(transpose, 0.479F), -1.0F);  // halfway and beyond, downwards
    EXPECT_EQ(clampPlain(transpose, 2.4F), 2.0F);
    EXPECT_EQ(clampPlain(transpose, -2.5F), -3.0F);
    EXPECT_EQ(clampPlain(transpose, 40.0F), 12.0F);
    for (int semitone = -12; semitone <= 12; ++semitone) {
        const auto plain = static_cast<float>(semitone);
        const float normalized = toNormalized(transpose, plain);
        EXPECT_FLOAT_EQ(normalized, static_cast<float>(semitone + 12) / 24.0F);
        EXPECT_EQ(fromNormalized(transpose, normalized), plain);
    }
}

TEST(Normalized, ChoicesAreEvenStepsOfTheirIndex) {
    const ParamSpec& mode = everyKind(testing::kMode);  // four labels
    EXPECT_EQ(stepCount(mode), 3);
    for (int index = 0; index < 4; ++index) {
        const auto plain = static_cast<float>(index);
        EXPECT_FLOAT_EQ(toNormalized(mode, plain), plain / 3.0F);
        EXPECT_EQ(fromNormalized(mode, plain / 3.0F), plain);
    }
    EXPECT_EQ(fromNormalized(mode, 0.16F), 0.0F);
    EXPECT_EQ(fromNormalized(mode, 0.17F), 1.0F);
    EXPECT_EQ(clampPlain(mode, 2.6F), 3.0F);
    EXPECT_EQ(clampPlain(mode, -1.0F), 0.0F);
    EXPECT_EQ(fromNormalized(mode, std::numeric_limits<float>::quiet_NaN()), 0.0F);
}

TEST(Normalized, StepCountsAreWhatHostsSee) {
    EXPECT_EQ(stepCount(everyKind(testing::kCutoff)), 0);
    EXPECT_EQ(stepCount(everyKind(testing::kResonance)), 0);
    EXPECT_EQ(stepCount(everyKind(testing::kBypass)), 1);
    EXPECT_EQ(stepCount(testing::kGainTable[testing::kGain]), 0);
    EXPECT_EQ(stepCount(testing::kGainTable[testing::kGainBypass]), 1);
}

}  // namespace
}  // namespace vstkit::protocol
