#include "vstkit/protocol/state.h"
#include "vstkit/protocol/testing/gain_table.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <limits>

#include "vstkit/protocol/testing/every_kind_table.h"

namespace vstkit::protocol {
namespace {

std::vector<std::uint8_t> header(std::uint32_t version, std::uint32_t entryCount) {
    std::vector<std::uint8_t> blob{kStateMagic.begin(), kStateMagic.end()};
    for (std::uint32_t word : {version, entryCount}) {
        for (int shift = 0; shift < 32; shift += 8) {
            blob.push_back(static_cast<std::uint8_t>(word >> shift));
        }
    }
    return blob;
}

void appendEntry(std::vector<std::uint8_t>& blob, std::string_view id, float value) {
    blob.push_back(static_cast<std::uint8_t>(id.size()));
    blob.insert(blob.end(), id.begin(), id.end());
    const auto bits = std::bit_cast<std::uint32_t>(value);
    for (int shift = 0; shift < 32; shift += 8) {
        blob.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
}

TEST(State, RoundTripIsBitIdentical) {
    for (float gain : {-24.0F, -6.0206F, -0.1F, 0.0F, 1.0F / 3.0F, 17.77F, 24.0F}) {
        ParamValues values = defaultValues(testing::kGainTable);
        values[testing::kGain] = gain;
        const auto result =
            parseState(testing::kGainTable, serializeState(testing::kGainTable, values));
        ASSERT_EQ(result.error, StateError::None);
        ASSERT_TRUE(result.values.has_value());
        EXPECT_EQ(std::bit_cast<std::uint32_t>((*result.values)[0]),
                  std::bit_cast<std::uint32_t>(gain));
    }
}

TEST(State, AnyTableRoundTripsChoicesAndSteppedValues) {
    using testing::kEveryKindTable;
    std::array<float, kEveryKindTable.size()> values{};
    for (std::size_t row = 0; row < values.size(); ++row) {
        values[row] = kEveryKindTable[row].defaultValue;
    }
    values[testing::kMode] = 2.0F;        // Band-pass
    values[testing::kTranspose] = -7.0F;  // semitones
    values[testing::kCutoff] = 632.4555F;
    values[testing::kBypass] = 1.0F;
    const auto blob = serializeState(kEveryKindTable, values);

    std::array<float, kEveryKindTable.size()> loaded{};
    ASSERT_EQ(parseState(kEveryKindTable, blob, loaded), StateError::None);
    for (std::size_t row = 0; row < values.size(); ++row) {
        EXPECT_EQ(std::bit_cast<std::uint32_t>(loaded[row]),
                  std::bit_cast<std::uint32_t>(values[row]))
            << kEveryKindTable[row].stableId;
    }

    // The same version-1 layout: entries keyed by stable id, plain floats.
    auto expected = header(1, static_cast<std::uint32_t>(kEveryKindTable.size()));
    for (std::size_t row = 0; row < values.size(); ++row) {
        appendEntry(expected, kEveryKindTable[row].stableId, values[row]);
    }
    EXPECT_EQ(blob, expected);
}

TEST(State, ChoicesAndSteppedValuesLoadAsWholeNumbersInRange) {
    using testing::kEveryKindTable;
    auto blob = header(1, 3);
    appendEntry(blob, "mode", 2.6F);
    appendEntry(blob, "transpose", 40.0F);
    appendEntry(blob, "from_a_newer_build", 1.0F);
    std::array<float, kEveryKindTable.size()> loaded{};
    ASSERT_EQ(parseState(kEveryKindTable, blob, loaded), StateError::None);
    EXPECT_EQ(loaded[testing::kMode], 3.0F);
    EXPECT_EQ(loaded[testing::kTranspose], 12.0F);
    EXPECT_EQ(loaded[testing::kCutoff], kEveryKindTable[testing::kCutoff].defaultValue);

    std::array<float, kEveryKindTable.size()> untouched{};
    untouched.fill(-1.0F);
    blob.push_back(0);
    EXPECT_EQ(parseState(kEveryKindTable, blob, untouched), StateError::TrailingBytes);
    for (const float value : untouched) {
        EXPECT_EQ(value, -1.0F);
    }
}

TEST(State, LayoutIsTheDocumentedVersionOne) {
    ParamValues values = defaultValues(testing::kGainTable);
    values[testing::kGain] = -6.0F;
    auto expected = header(1, 2);
    appendEntry(expected, "gain", -6.0F);
    appendEntry(expected, "bypass", 0.0F);
    EXPECT_EQ(serializeState(testing::kGainTable, values), expected);
}

TEST(State, UnknownIdsAreSkippedAndMissingIdsDefault) {
    auto blob = header(1, 2);
    appendEntry(blob, "from_a_newer_build", 5.0F);
    appendEntry(blob, "gain", -3.0F);
    auto result = parseState(testing::kGainTable, blob);
    ASSERT_TRUE(result.values.has_value());
    EXPECT_EQ((*result.values)[0], -3.0F);

    result = parseState(testing::kGainTable, header(1, 0));
    ASSERT_TRUE(result.values.has_value());
    EXPECT_EQ(*result.values, defaultValues(testing::kGainTable));
}

TEST(State, ValuesAreClampedToRange) {
    auto blob = header(1, 1);
    appendEntry(blob, "gain", 99.0F);
    const auto result = parseState(testing::kGainTable, blob);
    ASSERT_TRUE(result.values.has_value());
    EXPECT_EQ((*result.values)[0], 24.0F);
}

struct RejectedBlob {
    const char* name;
    std::vector<std::uint8_t> blob;
    StateError error;
};

std::vector<RejectedBlob> rejectedBlobs() {
    std::vector<RejectedBlob> cases;
    cases.push_back({"empty", {}, StateError::Empty});
    cases.push_back(
        {"oversized", std::vector<std::uint8_t>(kMaxStateBytes + 1, 0), StateError::TooLarge});
    cases.push_back(
        {"foreign", {'{', '"', 'g', 'a', 'i', 'n', '"', '}'}, StateError::NotVstKitState});
    cases.push_back({"magic only", {'V', 'S', 'T', 'K'}, StateError::Truncated});
    cases.push_back({"version 0", header(0, 0), StateError::UnsupportedVersion});
    cases.push_back({"future version", header(2, 0), StateError::UnsupportedVersion});
    cases.push_back({"count too large", header(1, 100000), StateError::MalformedEntry});

    auto full = header(1, 1);
    appendEntry(full, "gain", -6.0F);
    for (std::size_t cut = 13; cut < full.size(); ++cut) {
        cases.push_back({"truncated",
                         {full.begin(), full.begin() + static_cast<long>(cut)},
                         StateError::Truncated});
    }
    auto trailing = full;
    trailing.push_back(0);
    cases.push_back({"trailing byte", trailing, StateError::TrailingBytes});

    auto zeroLength = header(1, 1);
    zeroLength.push_back(0);
    cases.push_back({"zero-length id", zeroLength, StateError::MalformedEntry});

    auto duplicate = header(1, 2);
    appendEntry(duplicate, "gain", -6.0F);
    appendEntry(duplicate, "gain", 6.0F);
    cases.push_back({"duplicate id", duplicate, StateError::DuplicateId});

    for (float bad :
         {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        auto nonFinite = header(1, 1);
        appendEntry(nonFinite, "gain", bad);
        cases.push_back({"non-finite", nonFinite, StateError::NonFiniteValue});
    }
    return cases;
}

TEST(State, MalformedBlobsAreRejectedAsAWhole) {
    for (const auto& rejected : rejectedBlobs()) {
        const auto result = parseState(testing::kGainTable, rejected.blob);
        EXPECT_FALSE(result.values.has_value()) << rejected.name;
        EXPECT_EQ(result.error, rejected.error)
            << rejected.name << " (" << rejected.blob.size() << " bytes)";
        EXPECT_FALSE(describe(result.error).empty());
    }
}

}  // namespace
}  // namespace vstkit::protocol
