// The state saved by VstKit's JUCE-made builds loads in the own VST3 layer.
#include "vstkit/formats/vst3/juce_state_trailer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "plugin.h"
#include "state_loading.h"

namespace vstkit::formats::vst3 {
namespace {

std::vector<std::uint8_t> readFixture(const char* name) {
    std::ifstream file{std::string{VSTKIT_FIXTURES_DIR} + "/" + name, std::ios::binary};
    return {std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
}

constexpr std::size_t kGain = vstkit_gain::kGain;
constexpr std::size_t kBypass = vstkit_gain::kBypass;

TEST(JuceState, TheJuce705FixtureLoadsWithGainAtMinusSix) {
    const auto blob = readFixture("juce-7.0.5-state.bin");
    ASSERT_EQ(blob.size(), 81U) << "fixture missing or changed";
    const auto split = splitJuceTrailer(blob);
    EXPECT_EQ(split.vstkitState.size(), 21U);
    ASSERT_TRUE(split.juceBypass.has_value());
    EXPECT_FALSE(*split.juceBypass);

    const auto parsed = parseComponentState(vstkit_gain::kParameters, blob);
    ASSERT_TRUE(parsed.values.has_value()) << protocol::describe(parsed.error);
    EXPECT_EQ((*parsed.values)[kGain], -6.0F);
    EXPECT_EQ((*parsed.values)[kBypass], 0.0F);
}

TEST(JuceState, ABypassStoredInTheTrailerIsRestored) {
    auto blob = readFixture("juce-7.0.5-state.bin");
    ASSERT_EQ(blob.size(), 81U);
    // The var marker after "Bypass\0\x01\x01": 3 (false) becomes 2 (true).
    const std::string_view bytes{reinterpret_cast<const char*>(blob.data()), blob.size()};
    const auto at = bytes.find(std::string_view{"Bypass\0\x01\x01", 9});
    ASSERT_NE(at, std::string_view::npos);
    blob[at + 9] = 2;
    const auto parsed = parseComponentState(vstkit_gain::kParameters, blob);
    ASSERT_TRUE(parsed.values.has_value());
    EXPECT_EQ((*parsed.values)[kBypass], 1.0F);
}

TEST(JuceState, OwnBlobsPassThroughWhole) {
    auto values = protocol::defaultValues(vstkit_gain::kParameters);
    values[kGain] = 3.5F;
    const auto blob = protocol::serializeState(vstkit_gain::kParameters, values);
    const auto split = splitJuceTrailer(blob);
    EXPECT_EQ(split.vstkitState.size(), blob.size());
    EXPECT_FALSE(split.juceBypass.has_value());
    const auto parsed = parseComponentState(vstkit_gain::kParameters, blob);
    ASSERT_TRUE(parsed.values.has_value());
    EXPECT_EQ((*parsed.values)[kGain], 3.5F);
}

TEST(JuceState, ABrokenTrailerIsRejectedNotGuessed) {
    auto blob = readFixture("juce-7.0.5-state.bin");
    ASSERT_EQ(blob.size(), 81U);
    blob[blob.size() - 16] = 0x7f;  // Trailer size far beyond the blob.
    EXPECT_FALSE(parseComponentState(vstkit_gain::kParameters, blob).values.has_value());
    const std::vector<std::uint8_t> onlyMagic{'J', 'U', 'C', 'E', 'P', 'r', 'i', 'v',
                                              'a', 't', 'e', 'D', 'a', 't', 'a'};
    EXPECT_FALSE(parseComponentState(vstkit_gain::kParameters, onlyMagic).values.has_value());
}

}  // namespace
}  // namespace vstkit::formats::vst3
