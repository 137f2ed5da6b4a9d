#include "vstkit/protocol/value_text.h"

#include <gtest/gtest.h>

#include "vstkit/protocol/params.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::protocol {
namespace {

const ParamSpec& gainSpec() {
    return spec(ParamId::Gain);
}

TEST(ValueText, FormatsWithOneDecimalAndUnit) {
    EXPECT_EQ(formatValue(gainSpec(), -6.0F), "-6.0 dB");
    EXPECT_EQ(formatValue(gainSpec(), 0.0F), "0.0 dB");
    EXPECT_EQ(formatValue(gainSpec(), 3.25F), "3.3 dB");
    EXPECT_EQ(formatValue(gainSpec(), 24.0F), "24.0 dB");
    EXPECT_EQ(formatValue(gainSpec(), -24.0F), "-24.0 dB");
}

TEST(ValueText, NeverShowsNegativeZero) {
    EXPECT_EQ(formatValue(gainSpec(), -0.0F), "0.0 dB");
    EXPECT_EQ(formatValue(gainSpec(), -0.04F), "0.0 dB");
}

TEST(ValueText, FormatClampsOutOfRangeValues) {
    EXPECT_EQ(formatValue(gainSpec(), -80.0F), "-24.0 dB");
    EXPECT_EQ(formatValue(gainSpec(), 99.0F), "24.0 dB");
}

TEST(ValueText, AcceptsWhatPeopleType) {
    EXPECT_EQ(parseValue(gainSpec(), "-6"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "-6 dB"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "-6.0dB"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "+3"), 3.0F);
    EXPECT_EQ(parseValue(gainSpec(), " -6 "), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "-6 DB"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "\t12.5 db\n"), 12.5F);
    EXPECT_EQ(parseValue(gainSpec(), ".5"), 0.5F);
    EXPECT_EQ(parseValue(gainSpec(), "0"), 0.0F);
}

TEST(ValueText, ClampsFiniteValuesOutsideTheRange) {
    EXPECT_EQ(parseValue(gainSpec(), "-100"), -24.0F);
    EXPECT_EQ(parseValue(gainSpec(), "1e9"), std::nullopt);  // Exponents are not typed values.
    EXPECT_EQ(parseValue(gainSpec(), "30 dB"), 24.0F);
}

TEST(ValueText, RejectsGarbage) {
    for (const char* text : {"", "   ", "dB", "abc", "-", "+", "--6", "+-6", "6 dB dB", "6 Hz",
                             "6x", "nan", "inf", "-inf", "NaN dB", "6..0", "1,5", "0x10", "- 6"}) {
        EXPECT_EQ(parseValue(gainSpec(), text), std::nullopt) << '"' << text << '"';
    }
}

TEST(ValueText, EveryDisplayedValueParsesBackToItsDisplay) {
    for (int tenth = -240; tenth <= 240; ++tenth) {
        const float value = static_cast<float>(tenth) / 10.0F;
        const std::string text = formatValue(gainSpec(), value);
        const auto parsed = parseValue(gainSpec(), text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_NEAR(*parsed, value, 1e-5F) << text;
        EXPECT_EQ(formatValue(gainSpec(), *parsed), text);
    }
}

TEST(ValueText, FormatIntoWritesWithoutAllocating) {
    std::array<char, kMaxValueTextLength> buffer{};
    std::string_view text;
    {
#if VSTKIT_HAS_RTCHECK
        // Aborts the test on any allocation or lock (where interposers exist).
        const vstkit::rtcheck::RealtimeScope noAllocation;
#endif
        text = formatValueInto(gainSpec(), -12.34F, buffer);
    }
    EXPECT_EQ(text, "-12.3 dB");
}

TEST(ValueText, ToggleReadsOffAndOnAndParsesCommonWords) {
    const ParamSpec& bypass = spec(ParamId::Bypass);
    EXPECT_EQ(formatValue(bypass, 0.0F), "Off");
    EXPECT_EQ(formatValue(bypass, 1.0F), "On");
    EXPECT_EQ(formatValue(bypass, 0.7F), "On");
    for (const std::string_view on : {"On", "on", " ON ", "true", "Yes", "1"}) {
        EXPECT_EQ(parseValue(bypass, on), 1.0F) << on;
    }
    for (const std::string_view off : {"Off", "off", "FALSE", "no", "0"}) {
        EXPECT_EQ(parseValue(bypass, off), 0.0F) << off;
    }
    for (const std::string_view bad : {"", "maybe", "0.5", "2", "onn"}) {
        EXPECT_EQ(parseValue(bypass, bad), std::nullopt) << bad;
    }
}

}  // namespace
}  // namespace vstkit::protocol
