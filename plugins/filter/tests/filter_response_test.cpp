// VstKit Filter's response, measured as a person would: sines through
// process(), their level read after the filter has settled.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "filter_processor.h"

namespace vstkit_filter {
namespace {

using vstkit::dsp::ParameterEvent;

constexpr double kRate = 48000.0;
constexpr float kButterworthQ = 0.70710678F;

ParameterEvent event(FilterRow row, float value, std::uint32_t offset = 0) {
    return {offset, static_cast<std::uint32_t>(row), value};
}

/// A prepared filter with the given settings, already settled on them.
FilterProcessor filterWith(FilterMode mode, float cutoffHz, float q) {
    FilterProcessor filter;
    filter.prepare(kRate, 512);
    const ParameterEvent settings[] = {event(FilterRow::Cutoff, cutoffHz),
                                       event(FilterRow::Resonance, q),
                                       event(FilterRow::Mode, static_cast<float>(mode))};
    filter.process({}, 0, settings);
    filter.reset();
    return filter;
}

/// The filter's gain in dB at a frequency: 0.5 s of sine to settle, then the
/// RMS of the next 0.5 s against the input's.
double gainDbAt(FilterProcessor& filter, double frequency) {
    const std::size_t half = static_cast<std::size_t>(kRate / 2);
    std::vector<float> left(2 * half);
    for (std::size_t i = 0; i < left.size(); ++i) {
        left[i] = 0.5F * static_cast<float>(std::sin(2.0 * std::numbers::pi * frequency *
                                                     static_cast<double>(i) / kRate));
    }
    const std::vector<float> input = left;
    std::vector<float> right = left;
    for (std::size_t start = 0; start < left.size(); start += 64) {
        float* channels[] = {left.data() + start, right.data() + start};
        filter.process(channels, std::min<std::size_t>(64, left.size() - start), {});
    }
    double in = 0.0;
    double out = 0.0;
    for (std::size_t i = half; i < left.size(); ++i) {
        in += double{input[i]} * input[i];
        out += double{left[i]} * left[i];
        EXPECT_EQ(left[i], right[i]);
    }
    return 10.0 * std::log10(out / in);
}

TEST(FilterResponse, LowPassIsThreeDbDownAtTheCutoff) {
    auto filter = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    EXPECT_NEAR(gainDbAt(filter, 1000.0), -3.0, 0.1);
}

TEST(FilterResponse, LowPassPassesTheBandBelowAndCutsTwoOctavesAbove) {
    auto filter = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    EXPECT_NEAR(gainDbAt(filter, 100.0), 0.0, 0.1);
    auto above = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    EXPECT_LE(gainDbAt(above, 4000.0), -23.0);
}

TEST(FilterResponse, HighPassIsThreeDbDownAtTheCutoff) {
    auto filter = filterWith(FilterMode::HighPass, 1000.0F, kButterworthQ);
    EXPECT_NEAR(gainDbAt(filter, 1000.0), -3.0, 0.1);
}

TEST(FilterResponse, HighPassPassesTheBandAboveAndCutsTwoOctavesBelow) {
    auto filter = filterWith(FilterMode::HighPass, 1000.0F, kButterworthQ);
    EXPECT_NEAR(gainDbAt(filter, 10000.0), 0.0, 0.1);
    auto below = filterWith(FilterMode::HighPass, 1000.0F, kButterworthQ);
    EXPECT_LE(gainDbAt(below, 250.0), -23.0);
}

TEST(FilterResponse, BandPassPeaksAtTheCutoffAndNotchRemovesIt) {
    auto band = filterWith(FilterMode::BandPass, 1000.0F, 2.0F);
    EXPECT_NEAR(gainDbAt(band, 1000.0), 0.0, 0.1);
    auto bandFar = filterWith(FilterMode::BandPass, 1000.0F, 2.0F);
    EXPECT_LE(gainDbAt(bandFar, 4000.0), -15.0);
    auto notch = filterWith(FilterMode::Notch, 1000.0F, 2.0F);
    EXPECT_LE(gainDbAt(notch, 1000.0), -40.0);
    auto notchFar = filterWith(FilterMode::Notch, 1000.0F, 2.0F);
    EXPECT_NEAR(gainDbAt(notchFar, 100.0), 0.0, 0.1);
}

TEST(FilterResponse, BypassPassesTheInputUntouched) {
    auto filter = filterWith(FilterMode::LowPass, 100.0F, kButterworthQ);
    const ParameterEvent bypass[] = {event(FilterRow::Bypass, 1.0F)};
    filter.process({}, 0, bypass);
    filter.reset();
    EXPECT_NEAR(gainDbAt(filter, 5000.0), 0.0, 1e-6);
}

// Every sample of one block carries a new cutoff, from 20 Hz to 20 kHz.
TEST(FilterModulation, ASweepWithinOneBlockStaysFiniteAndBounded) {
    for (const auto mode :
         {FilterMode::LowPass, FilterMode::HighPass, FilterMode::BandPass, FilterMode::Notch}) {
        auto filter = filterWith(mode, 20.0F, kButterworthQ);
        constexpr std::size_t kFrames = 4096;
        std::vector<ParameterEvent> sweep;
        for (std::uint32_t i = 0; i < kFrames; ++i) {
            const float position = static_cast<float>(i) / (kFrames - 1);
            sweep.push_back(event(FilterRow::Cutoff, 20.0F * std::pow(1000.0F, position), i));
        }
        std::vector<float> left(kFrames);
        for (std::size_t i = 0; i < kFrames; ++i) {
            // -6 dBFS: a 0.5 square wave, rich in every frequency the sweep passes.
            left[i] = (i / 24) % 2 == 0 ? 0.5F : -0.5F;
        }
        std::vector<float> right = left;
        float* channels[] = {left.data(), right.data()};
        filter.process(channels, kFrames, sweep);
        for (const float sample : left) {
            ASSERT_TRUE(std::isfinite(sample));
            ASSERT_LE(std::fabs(sample), 2.0F)
                << "above +6 dBFS in mode " << static_cast<int>(mode);
        }
    }
}

// Automation lands at its sample: nothing before offset 37 changes, and
// sample 37 already moves toward the new cutoff.
TEST(FilterModulation, ACutoffPointTakesEffectAtItsOffset) {
    auto steady = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    auto automated = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    std::vector<float> a(64);
    for (std::size_t i = 0; i < a.size(); ++i) {
        a[i] = 0.5F * static_cast<float>(std::sin(static_cast<double>(i) * 0.3));
    }
    std::vector<float> b = a;
    float* steadyChannels[] = {a.data()};
    float* automatedChannels[] = {b.data()};
    const ParameterEvent point[] = {event(FilterRow::Cutoff, 8000.0F, 37)};
    steady.process(steadyChannels, a.size(), {});
    automated.process(automatedChannels, b.size(), point);
    for (std::size_t i = 0; i < 37; ++i) {
        EXPECT_EQ(a[i], b[i]) << "sample " << i;
    }
    EXPECT_NE(a[37], b[37]);
}

TEST(FilterModulation, NonFiniteInputAndValuesLeaveTheOutputFinite) {
    auto filter = filterWith(FilterMode::LowPass, 1000.0F, 20.0F);
    std::vector<float> samples(256, 0.25F);
    samples[10] = std::numeric_limits<float>::quiet_NaN();
    samples[20] = std::numeric_limits<float>::infinity();
    samples[30] = std::numeric_limits<float>::denorm_min();
    const ParameterEvent bad[] = {
        event(FilterRow::Cutoff, std::numeric_limits<float>::quiet_NaN(), 5),
        event(FilterRow::Resonance, std::numeric_limits<float>::infinity(), 6),
        event(FilterRow::Cutoff, 1e9F, 7)};
    float* channels[] = {samples.data()};
    filter.process(channels, samples.size(), bad);
    filter.process(channels, 0, {});
    for (const float sample : samples) {
        EXPECT_TRUE(std::isfinite(sample));
    }
}

TEST(FilterModulation, AModeChangeCrossfadesWithoutAJump) {
    auto filter = filterWith(FilterMode::LowPass, 1000.0F, kButterworthQ);
    std::vector<float> samples(4800);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        samples[i] = 0.5F * static_cast<float>(std::sin(2.0 * std::numbers::pi * 200.0 *
                                                        static_cast<double>(i) / kRate));
    }
    const ParameterEvent change[] = {event(FilterRow::Mode, 1.0F, 2400)};
    float* channels[] = {samples.data()};
    filter.process(channels, samples.size(), change);
    float largestStep = 0.0F;
    for (std::size_t i = 2000; i < samples.size(); ++i) {
        largestStep = std::max(largestStep, std::fabs(samples[i] - samples[i - 1]));
    }
    // A 200 Hz sine at 0.5 moves at most 0.013 per sample; a hard switch from
    // low-pass to high-pass would jump by about 0.5.
    EXPECT_LT(largestStep, 0.03F);
}

}  // namespace
}  // namespace vstkit_filter
