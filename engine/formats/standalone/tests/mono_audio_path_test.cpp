// The standalone app runs a mono-only plugin in mono: it hears the device's
// first input, and its one output goes to every device output.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "audio_path.h"
#include "vstkit/dsp/gain.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::formats::standalone {
namespace {

constexpr std::size_t kFrames = 64;

protocol::ParamValues valuesWithGain(float gainDb) {
    auto values = protocol::defaultValues(protocol::testing::kGainTable);
    values[protocol::testing::kGain] = gainDb;
    return values;
}

TEST(MonoAudioPath, AStereoDeviceFeedsTheFirstInputAndHearsTheOutputOnBothSides) {
    AudioPath path;
    path.prepare(48000.0, kFrames, 2, 2, valuesWithGain(-6.0F));
    std::vector<float> input(2 * kFrames, 0.5F);
    std::fill(input.begin() + kFrames, input.end(), -0.25F);  // The second input: unheard.
    std::vector<float> output(2 * kFrames, 9.0F);
    path.process(input.data(), output.data(), kFrames, false);
    const float expected = 0.5F * dsp::dbToLinear(-6.0F);
    EXPECT_FLOAT_EQ(output[0], expected);
    EXPECT_FLOAT_EQ(output[kFrames - 1], expected);
    EXPECT_FLOAT_EQ(output[kFrames], expected);
    EXPECT_FLOAT_EQ(output[2 * kFrames - 1], expected);
}

TEST(MonoAudioPath, AMonoDevicePlaysStraightThrough) {
    AudioPath path;
    path.prepare(48000.0, kFrames, 1, 1, valuesWithGain(0.0F));
    const std::vector<float> input(kFrames, 0.25F);
    std::vector<float> output(kFrames, 9.0F);
    path.process(input.data(), output.data(), kFrames, false);
    EXPECT_FLOAT_EQ(output[0], 0.25F);
    EXPECT_FLOAT_EQ(output[kFrames - 1], 0.25F);
}

TEST(MonoAudioPath, NoInputIsSilence) {
    AudioPath path;
    path.prepare(48000.0, kFrames, 0, 2, valuesWithGain(0.0F));
    std::vector<float> output(2 * kFrames, 9.0F);
    path.process(nullptr, output.data(), kFrames, false);
    for (const float sample : output) {
        EXPECT_EQ(sample, 0.0F);
    }
}

}  // namespace
}  // namespace vstkit::formats::standalone
