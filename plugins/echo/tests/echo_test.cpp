// VstKit Echo measured through process(), as a listener would hear it:
// where the echoes land, how the repeats decay, when automation takes
// effect, and what the tail status tells a host.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <span>
#include <utility>
#include <vector>

#include "echo_processor.h"

namespace vstkit_echo {
namespace {

using vstkit::core::ProcessStatus;
using vstkit::dsp::ParameterEvent;

constexpr double kRate = 48000.0;
constexpr std::size_t kOneSecond = 48000;

ParameterEvent event(EchoRow row, float value, std::uint32_t offset = 0) {
    return {offset, static_cast<std::uint32_t>(row), value};
}

/// A prepared echo with the given settings, already settled on them (the
/// others at their defaults).
EchoProcessor echoWith(std::initializer_list<std::pair<EchoRow, float>> settings = {}) {
    EchoProcessor echo;
    echo.prepare(kRate, 512);
    std::vector<ParameterEvent> events;
    for (const auto& [row, value] : settings) {
        events.push_back(event(row, value));
    }
    echo.process({}, 0, events);
    echo.reset();
    return echo;
}

std::vector<float> impulse(std::size_t length) {
    std::vector<float> samples(length, 0.0F);
    samples[0] = 1.0F;
    return samples;
}

std::vector<float> sine(std::size_t length, double frequency, float level = 0.5F) {
    std::vector<float> samples(length);
    for (std::size_t i = 0; i < length; ++i) {
        samples[i] = level * static_cast<float>(std::sin(2.0 * std::numbers::pi * frequency *
                                                         static_cast<double>(i) / kRate));
    }
    return samples;
}

/// Processes `samples` in place in blocks of blockSize; `events` carry
/// offsets from the start of `samples` and are handed to the block they
/// fall in. Returns each block's status.
std::vector<ProcessStatus> processInBlocks(EchoProcessor& echo, std::vector<float>& samples,
                                           std::size_t blockSize,
                                           std::span<const ParameterEvent> events = {}) {
    std::vector<ProcessStatus> statuses;
    for (std::size_t start = 0; start < samples.size(); start += blockSize) {
        const std::size_t frames = std::min(blockSize, samples.size() - start);
        std::vector<ParameterEvent> blockEvents;
        for (const auto& e : events) {
            if (e.offset >= start && e.offset < start + frames) {
                blockEvents.push_back(
                    {static_cast<std::uint32_t>(e.offset - start), e.index, e.value});
            }
        }
        float* channels[] = {samples.data() + start};
        statuses.push_back(echo.process(channels, frames, blockEvents));
    }
    return statuses;
}

double sumOf(const std::vector<float>& samples, std::size_t first, std::size_t last) {
    double sum = 0.0;
    for (std::size_t i = first; i < last; ++i) {
        sum += samples[i];
    }
    return sum;
}

TEST(EchoTiming, AnImpulseComesBackAtTheSetTimeScaledByMix) {
    auto echo = echoWith();  // 300 ms, 30% mix
    auto samples = impulse(kOneSecond / 2);
    processInBlocks(echo, samples, 512);
    EXPECT_FLOAT_EQ(samples[0], 0.7F);  // the input, less the mix
    // 300 ms at 48 kHz is 14400 samples: nothing in between.
    for (std::size_t i = 1; i < 14400; ++i) {
        ASSERT_EQ(samples[i], 0.0F) << "sample " << i;
    }
    EXPECT_NEAR(samples[14400], 0.3F, 1e-6);
    EXPECT_NEAR(samples[14399], 0.0F, 1e-6);
    EXPECT_NEAR(samples[14401], 0.0F, 1e-6);
}

// Between two samples, the echo is shared by its neighbours: its centre and
// its level are still exact.
TEST(EchoTiming, AFractionalTimeLandsBetweenSamples) {
    auto echo = echoWith({{EchoRow::Time, 123.4F}, {EchoRow::Mix, 100.0F}});
    auto samples = impulse(kOneSecond / 4);
    processInBlocks(echo, samples, 512);
    const double expected = 123.4 * kRate / 1000.0;  // 5923.2 samples
    double level = 0.0;
    double moment = 0.0;
    for (std::size_t i = 5900; i < 5950; ++i) {
        level += samples[i];
        moment += samples[i] * static_cast<double>(i);
    }
    EXPECT_NEAR(level, 1.0, 1e-5);
    EXPECT_NEAR(moment / level, expected, 0.01);
    EXPECT_EQ(samples[5922], 0.0F);
    EXPECT_EQ(samples[5925], 0.0F);
}

// The first echo is the input itself; each repeat after it is the one before
// times the feedback, through the tone low-pass, which keeps the low
// frequencies (its sum) and rounds the peak off.
TEST(EchoRepeats, EachRepeatIsTheLastTimesTheFeedback) {
    auto echo =
        echoWith({{EchoRow::Feedback, 50.0F}, {EchoRow::Tone, 20000.0F}, {EchoRow::Mix, 100.0F}});
    auto samples = impulse(kOneSecond + 1000);
    processInBlocks(echo, samples, 512);
    const double first = sumOf(samples, 14400 - 4, 14400 + 200);
    const double second = sumOf(samples, 28800 - 4, 28800 + 200);
    const double third = sumOf(samples, 43200 - 4, 43200 + 200);
    EXPECT_NEAR(first, 1.0, 1e-5);
    EXPECT_NEAR(second / first, 0.5, 1e-4);
    EXPECT_NEAR(third / second, 0.5, 1e-4);
    // At 20 kHz the one-pole takes a little off each repeat's peak, never more.
    EXPECT_LT(samples[28800], 0.5F);
    EXPECT_GT(samples[28800], 0.5F * 0.85F);
}

TEST(EchoRepeats, ADarkerToneRoundsEachRepeatOffMore) {
    auto bright =
        echoWith({{EchoRow::Feedback, 50.0F}, {EchoRow::Tone, 20000.0F}, {EchoRow::Mix, 100.0F}});
    auto dark =
        echoWith({{EchoRow::Feedback, 50.0F}, {EchoRow::Tone, 500.0F}, {EchoRow::Mix, 100.0F}});
    auto brightSamples = impulse(30000);
    auto darkSamples = impulse(30000);
    processInBlocks(bright, brightSamples, 512);
    processInBlocks(dark, darkSamples, 512);
    // The first echo is not filtered; the second is, much more when dark.
    EXPECT_EQ(brightSamples[14400], darkSamples[14400]);
    EXPECT_LT(darkSamples[28800], 0.1F * brightSamples[28800]);
    // Both keep the repeat's sum (the low frequencies).
    EXPECT_NEAR(sumOf(darkSamples, 28796, 30000), 0.5, 1e-3);
}

// Automation lands at its sample: nothing before offset 37 changes, and
// sample 37 already moves toward the new mix.
TEST(EchoAutomation, AMixPointTakesEffectAtItsOffset) {
    auto steady = echoWith();
    auto automated = echoWith();
    auto a = sine(64, 1000.0);
    auto b = a;
    float* steadyChannels[] = {a.data()};
    float* automatedChannels[] = {b.data()};
    const ParameterEvent point[] = {event(EchoRow::Mix, 100.0F, 37)};
    steady.process(steadyChannels, a.size(), {});
    automated.process(automatedChannels, b.size(), point);
    for (std::size_t i = 0; i < 37; ++i) {
        EXPECT_EQ(a[i], b[i]) << "sample " << i;
    }
    EXPECT_NE(a[37], b[37]);
}

TEST(EchoAutomation, AZeroFrameCallOnlyAppliesValues) {
    auto echo = echoWith();
    const ParameterEvent settings[] = {event(EchoRow::Time, 10.0F), event(EchoRow::Mix, 100.0F)};
    EXPECT_EQ(echo.process({}, 0, settings), ProcessStatus::Normal);
    echo.reset();
    auto samples = impulse(1000);
    processInBlocks(echo, samples, 512);
    EXPECT_EQ(samples[0], 0.0F);            // all echo, no input
    EXPECT_NEAR(samples[480], 1.0F, 1e-6);  // 10 ms, not 300
}

// A time change moves the read position smoothly: the pitch bends for a
// moment, but the output never jumps.
TEST(EchoAutomation, ATimeChangeGlidesWithoutAClick) {
    auto echo = echoWith({{EchoRow::Feedback, 0.0F}, {EchoRow::Mix, 100.0F}});
    auto samples = sine(kOneSecond, 200.0);
    const ParameterEvent change[] = {event(EchoRow::Time, 250.0F, 24000)};
    processInBlocks(echo, samples, 256, change);
    float largestStep = 0.0F;
    for (std::size_t i = 20000; i < samples.size(); ++i) {
        largestStep = std::max(largestStep, std::fabs(samples[i] - samples[i - 1]));
    }
    // A 200 Hz sine at 0.5 moves at most 0.013 per sample, 0.026 while the
    // glide doubles its pitch; a jump in the read position would step by up
    // to 1.
    EXPECT_LT(largestStep, 0.04F);
}

TEST(EchoAutomation, BypassGivesTheInputOnceTheCrossfadeEnds) {
    auto echo = echoWith({{EchoRow::Feedback, 50.0F}, {EchoRow::Mix, 100.0F}});
    auto warmUp = sine(kOneSecond / 2, 440.0);
    processInBlocks(echo, warmUp, 512);  // the line is full of sound now
    const auto input = sine(kOneSecond / 2, 330.0);
    auto samples = input;
    const ParameterEvent bypass[] = {event(EchoRow::Bypass, 1.0F)};
    processInBlocks(echo, samples, 512, bypass);
    const auto crossfade = static_cast<std::size_t>(EchoProcessor::kCrossfadeSeconds * kRate);
    // Mostly the echo at first: the fade never jumps to the input.
    float firstDifference = 0.0F;
    for (std::size_t i = 0; i < 100; ++i) {
        firstDifference = std::max(firstDifference, std::fabs(samples[i] - input[i]));
    }
    EXPECT_GT(firstDifference, 0.2F);
    for (std::size_t i = crossfade; i < samples.size(); ++i) {
        ASSERT_EQ(samples[i], input[i]) << "sample " << i;
    }
}

TEST(EchoStatus, SilenceIntoAFreshEchoIsNormalFromTheStart) {
    auto echo = echoWith();
    std::vector<float> samples(kOneSecond, 0.0F);
    for (const auto status : processInBlocks(echo, samples, 512)) {
        EXPECT_EQ(status, ProcessStatus::Normal);
    }
    for (const float sample : samples) {
        ASSERT_EQ(sample, 0.0F);
    }
}

// After a burst the echo rings (Tail) while the repeats decay; once they are
// below -140 dBFS and the line has drained, it says Normal, and from then on
// silence in is exact silence out.
TEST(EchoStatus, ABurstRingsThenDrainsToNormal) {
    auto echo = echoWith({{EchoRow::Feedback, 60.0F}});
    auto samples = sine(30 * kOneSecond, 220.0);
    std::fill(samples.begin() + 4800, samples.end(), 0.0F);
    constexpr std::size_t kBlock = 512;
    const auto statuses = processInBlocks(echo, samples, kBlock);

    const auto firstNormal = std::find(statuses.begin(), statuses.end(), ProcessStatus::Normal);
    ASSERT_NE(firstNormal, statuses.end()) << "still ringing after 30 s";
    EXPECT_TRUE(std::all_of(statuses.begin(), firstNormal,
                            [](ProcessStatus s) { return s == ProcessStatus::Tail; }));
    EXPECT_TRUE(std::all_of(firstNormal, statuses.end(),
                            [](ProcessStatus s) { return s == ProcessStatus::Normal; }));
    const auto normalFrom = static_cast<std::size_t>(firstNormal - statuses.begin()) * kBlock;
    // 60% feedback from 0.5 needs about 30 repeats (9 s) to fall below
    // -140 dBFS, then a line's length (1 s) to drain.
    EXPECT_GT(normalFrom, 9 * kOneSecond);
    for (std::size_t i = normalFrom; i < samples.size(); ++i) {
        ASSERT_EQ(samples[i], 0.0F) << "sample " << i;
    }
    // The last ringing seconds still had (very quiet) echoes in them.
    EXPECT_TRUE(
        std::any_of(samples.begin() + static_cast<std::ptrdiff_t>(normalFrom - 2 * kOneSecond),
                    samples.begin() + static_cast<std::ptrdiff_t>(normalFrom),
                    [](float sample) { return sample != 0.0F; }));
}

TEST(EchoRobustness, NonFiniteInputAndValuesLeaveTheOutputFinite) {
    auto echo = echoWith({{EchoRow::Time, 1.0F}, {EchoRow::Feedback, 90.0F}});
    auto samples = sine(4800, 300.0);
    samples[10] = std::numeric_limits<float>::quiet_NaN();
    samples[20] = std::numeric_limits<float>::infinity();
    samples[30] = -std::numeric_limits<float>::infinity();
    samples[40] = std::numeric_limits<float>::denorm_min();
    const ParameterEvent bad[] = {
        event(EchoRow::Time, std::numeric_limits<float>::quiet_NaN(), 5),
        event(EchoRow::Feedback, std::numeric_limits<float>::infinity(), 6),
        event(EchoRow::Tone, -std::numeric_limits<float>::infinity(), 7),
        event(EchoRow::Mix, std::numeric_limits<float>::quiet_NaN(), 8),
        event(EchoRow::Time, 1e9F, 9),
        event(EchoRow::Feedback, 1e9F, 9),
        event(EchoRow::Tone, -1e9F, 9)};
    processInBlocks(echo, samples, 4800, bad);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        ASSERT_TRUE(std::isfinite(samples[i])) << "sample " << i;
    }
    EXPECT_EQ(samples[10], 0.0F);  // NaN in was read as silence; no echo yet at 1 ms
}

TEST(EchoRobustness, OnlyTheFirstChannelIsEchoed) {
    auto echo = echoWith({{EchoRow::Time, 1.0F}, {EchoRow::Mix, 100.0F}});
    auto left = impulse(256);
    auto right = impulse(256);
    float* channels[] = {left.data(), right.data()};
    echo.process(channels, left.size(), {});
    EXPECT_EQ(left[0], 0.0F);
    EXPECT_NEAR(left[48], 1.0F, 1e-6);
    EXPECT_EQ(right, impulse(256));
    // A missing first channel is silence in: the second still passes untouched.
    float* missing[] = {nullptr, right.data()};
    echo.process(missing, right.size(), {});
    EXPECT_EQ(right, impulse(256));
}

TEST(EchoRobustness, TheOutputDoesNotDependOnTheBlockSize) {
    auto input = sine(2 * kOneSecond, 440.0);
    for (std::size_t i = 0; i < input.size(); i += 7000) {
        input[i] = 0.9F;  // clicks to echo
    }
    // Sorted by offset, as a host sends them.
    const ParameterEvent changes[] = {
        event(EchoRow::Time, 120.0F, 10000),  event(EchoRow::Feedback, 80.0F, 30000),
        event(EchoRow::Tone, 1500.0F, 50001), event(EchoRow::Time, 777.7F, 64000),
        event(EchoRow::Mix, 70.0F, 70003),    event(EchoRow::Bypass, 1.0F, 80000),
        event(EchoRow::Bypass, 0.0F, 80500)};
    auto small = echoWith();
    auto large = echoWith();
    auto smallBlocks = input;
    auto largeBlocks = input;
    processInBlocks(small, smallBlocks, 64, changes);
    processInBlocks(large, largeBlocks, 1000, changes);
    for (std::size_t i = 0; i < input.size(); ++i) {
        ASSERT_NEAR(smallBlocks[i], largeBlocks[i], 1e-6) << "sample " << i;
    }
}

}  // namespace
}  // namespace vstkit_echo
