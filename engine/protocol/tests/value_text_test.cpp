#include "vstkit/protocol/value_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"
#if VSTKIT_HAS_RTCHECK
#include "vstkit/rtcheck/realtime_scope.h"
#endif

namespace vstkit::protocol {
namespace {

const ParamSpec& gainSpec() {
    return testing::kGainTable[testing::kGain];
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

// Text from an input method or a pasted document is UTF-8 with typographic signs and spaces.
TEST(ValueText, AcceptsTheUnicodeMinusAndNoBreakSpaces) {
    EXPECT_EQ(parseValue(gainSpec(), "\u22126 dB"), -6.0F);  // U+2212 MINUS SIGN
    EXPECT_EQ(parseValue(gainSpec(), "\u22126"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "\u22120.5dB"), -0.5F);
    EXPECT_EQ(parseValue(gainSpec(), "\uFE633"), -3.0F);  // Small hyphen-minus.
    EXPECT_EQ(parseValue(gainSpec(), "\uFF0D3"), -3.0F);  // Fullwidth hyphen-minus.
    EXPECT_EQ(parseValue(gainSpec(), "-6\u00A0dB"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "\u22126\u202FdB"), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "\u00A0 \u202F-6 dB\u00A0\u202F "), -6.0F);
    EXPECT_EQ(parseValue(gainSpec(), "\u2212100"), -24.0F);
    EXPECT_EQ(parseValue(testing::kEveryKindTable[testing::kTranspose], "\u22123 st"), -3.0F);
    EXPECT_EQ(parseValue(testing::kEveryKindTable[testing::kBypass], "\u00A0on\u202F"), 1.0F);
}

TEST(ValueText, RejectsTwoSignsOrASignAlone) {
    for (const char* text :
         {"\u2212", "\u2212 6", "\u2212-6", "-\u22126", "\u2212\u22126", "+\u22126", "\u2212+6",
          "\uFE63\uFF0D6", "6\u2212", "\u2013 6", "\u20136",  // En dash is no minus.
          "\u2212inf", "\u2212nan", "6\u00A0\u00A0dB dB", "\xE2\x88",
          "\xE2\x88"
          "6",
          "\xC2", "6\xC2",
          "\xA0"
          "6"}) {
        EXPECT_EQ(parseValue(gainSpec(), text), std::nullopt) << '"' << text << '"';
    }
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
    const ParamSpec& bypass = testing::kGainTable[testing::kGainBypass];
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

using testing::kEveryKindTable;

const ParamSpec& everyKind(testing::EveryKindRow row) {
    return kEveryKindTable[row];
}

TEST(ValueText, ChoicesReadAsTheirLabels) {
    const ParamSpec& mode = everyKind(testing::kMode);
    EXPECT_EQ(formatValue(mode, 0.0F), "Low-pass");
    EXPECT_EQ(formatValue(mode, 1.0F), "High-pass");
    EXPECT_EQ(formatValue(mode, 2.0F), "Band-pass");
    EXPECT_EQ(formatValue(mode, 3.0F), "Notch");
    EXPECT_EQ(formatValue(mode, 2.7F), "Notch");
    EXPECT_EQ(formatValue(mode, 99.0F), "Notch");
}

TEST(ValueText, ChoicesParseTheirLabelsInAnyCaseOrTheirIndex) {
    const ParamSpec& mode = everyKind(testing::kMode);
    EXPECT_EQ(parseValue(mode, "Low-pass"), 0.0F);
    EXPECT_EQ(parseValue(mode, "HIGH-PASS"), 1.0F);
    EXPECT_EQ(parseValue(mode, " band-pass "), 2.0F);
    EXPECT_EQ(parseValue(mode, "notch"), 3.0F);
    EXPECT_EQ(parseValue(mode, "2"), 2.0F);
    EXPECT_EQ(parseValue(mode, "0"), 0.0F);
    for (const std::string_view bad : {"", "Low", "Lowpass", "Notch!", "4", "-1", "1.5", "+1"}) {
        EXPECT_EQ(parseValue(mode, bad), std::nullopt) << '"' << bad << '"';
    }
}

TEST(ValueText, SteppedValuesShowAsWholeNumbersWithTheirUnit) {
    const ParamSpec& transpose = everyKind(testing::kTranspose);
    EXPECT_EQ(formatValue(transpose, 0.0F), "0 st");
    EXPECT_EQ(formatValue(transpose, -12.0F), "-12 st");
    EXPECT_EQ(formatValue(transpose, 7.0F), "7 st");
    EXPECT_EQ(formatValue(transpose, 6.6F), "7 st");
    EXPECT_EQ(formatValue(transpose, -0.4F), "0 st");
}

TEST(ValueText, SteppedValuesParseWholeNumbersAndRoundDecimals) {
    const ParamSpec& transpose = everyKind(testing::kTranspose);
    EXPECT_EQ(parseValue(transpose, "5"), 5.0F);
    EXPECT_EQ(parseValue(transpose, "-7 st"), -7.0F);
    EXPECT_EQ(parseValue(transpose, "+3st"), 3.0F);
    EXPECT_EQ(parseValue(transpose, "2.6"), 3.0F);
    EXPECT_EQ(parseValue(transpose, "-2.4 ST"), -2.0F);
    EXPECT_EQ(parseValue(transpose, "30"), 12.0F);
    EXPECT_EQ(parseValue(transpose, "five"), std::nullopt);
    EXPECT_EQ(parseValue(transpose, "5 Hz"), std::nullopt);
}

TEST(ValueText, MappedValuesShowInTheirUnit) {
    const ParamSpec& cutoff = everyKind(testing::kCutoff);
    EXPECT_EQ(formatValue(cutoff, fromNormalized(cutoff, 0.5F)), "632 Hz");
    EXPECT_EQ(formatValue(cutoff, 20000.0F), "20000 Hz");
    EXPECT_EQ(parseValue(cutoff, "440 Hz"), 440.0F);
    EXPECT_EQ(parseValue(cutoff, "5"), 20.0F);
}

/// plain -> normalized -> text -> plain -> normalized, for every row of every kind.
TEST(ValueText, EveryKindRoundTripsThroughNormalizedAndText) {
    for (const ParamSpec& spec : kEveryKindTable) {
        for (int step = 0; step <= 200; ++step) {
            const float normalized = static_cast<float>(step) / 200.0F;
            const float plain = fromNormalized(spec, normalized);
            const std::string text = formatValue(spec, plain);
            const auto parsed = parseValue(spec, text);
            ASSERT_TRUE(parsed.has_value()) << spec.name << ": '" << text << "'";
            EXPECT_EQ(formatValue(spec, *parsed), text) << spec.name;
            // The text is rounded to the row's precision; nothing more is lost.
            const float resolution =
                isDiscrete(spec) || spec.kind == ParamKind::Toggle
                    ? 0.0F
                    : 0.5F * std::pow(10.0F, -static_cast<float>(spec.displayDecimals));
            EXPECT_NEAR(*parsed, plain, resolution + 1e-3F) << spec.name << ": '" << text << "'";
            if (spec.kind != ParamKind::Continuous) {
                EXPECT_EQ(*parsed, plain) << spec.name;
                EXPECT_EQ(toNormalized(spec, *parsed), toNormalized(spec, plain)) << spec.name;
            }
        }
    }
}

}  // namespace
}  // namespace vstkit::protocol
