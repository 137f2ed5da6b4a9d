#include "vstkit/protocol/table_checks.h"

#include <gtest/gtest.h>

#include <array>
#include <span>
#include <string_view>
#include <type_traits>

#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::protocol {
namespace {

using testing::kEveryKindTable;
using Table = std::remove_const_t<decltype(kEveryKindTable)>;

/// `table` with one field of one row set to `value`. The checks are
/// consteval, so each EXPECT below is decided by the compiler and only
/// reported at run time.
template <typename Field>
consteval Table with(Table table, std::size_t row, Field ParamSpec::*field,
                     std::type_identity_t<Field> value) {
    table[row].*field = value;
    return table;
}

consteval Table with(std::size_t row, float ParamSpec::*field, float value) {
    return with(kEveryKindTable, row, field, value);
}

using Labels = std::span<const std::string_view>;

constexpr std::array<std::string_view, 2> kSameInAnyCase{"Low", "LOW"};
constexpr std::array<std::string_view, 2> kPaddedLabel{"Low", " High"};
constexpr std::array<std::string_view, 2> kTwoLabels{"Low", "High"};

TEST(TableChecks, TheTestTablesAreValidAndAnEmptyTableIsNot) {
    EXPECT_TRUE(isValidTable(testing::kGainTable));
    EXPECT_TRUE(isValidTable(kEveryKindTable));
    EXPECT_FALSE(isValidTable(std::span<const ParamSpec>{}));
}

TEST(TableChecks, AChoiceNeedsOneLabelPerValueOfItsRange) {
    using testing::kMode;
    constexpr auto kMax = &ParamSpec::maxValue;
    constexpr auto kChoices = &ParamSpec::choices;
    EXPECT_FALSE(choicesMatchTheirRange(with(kMode, kMax, 4.0F)));
    EXPECT_FALSE(choicesMatchTheirRange(with(kMode, &ParamSpec::minValue, 1.0F)));
    // Two labels for 0..3.
    EXPECT_FALSE(
        choicesMatchTheirRange(with(kEveryKindTable, kMode, kChoices, Labels{kTwoLabels})));
    EXPECT_TRUE(
        choicesMatchTheirRange(with(with(kMode, kMax, 1.0F), kMode, kChoices, Labels{kTwoLabels})));
    EXPECT_FALSE(choicesMatchTheirRange(
        with(with(kMode, kMax, 1.0F), kMode, kChoices, Labels{kSameInAnyCase})));
    EXPECT_FALSE(choicesMatchTheirRange(
        with(with(kMode, kMax, 1.0F), kMode, kChoices, Labels{kPaddedLabel})));
    // Labels on a row that is no choice.
    EXPECT_FALSE(choicesMatchTheirRange(
        with(kEveryKindTable, testing::kTranspose, kChoices, Labels{kTwoLabels})));
    EXPECT_FALSE(isValidTable(with(kMode, kMax, 4.0F)));
}

TEST(TableChecks, SteppedRangesAndDefaultsAreWholeNumbers) {
    using testing::kTranspose;
    EXPECT_TRUE(steppedRangesAreWhole(kEveryKindTable));
    EXPECT_FALSE(steppedRangesAreWhole(with(kTranspose, &ParamSpec::maxValue, 12.5F)));
    EXPECT_FALSE(steppedRangesAreWhole(with(kTranspose, &ParamSpec::minValue, -0.25F)));
    EXPECT_FALSE(steppedRangesAreWhole(with(kTranspose, &ParamSpec::defaultValue, 0.5F)));
    EXPECT_FALSE(steppedRangesAreWhole(with(testing::kMode, &ParamSpec::defaultValue, 1.5F)));
    EXPECT_FALSE(isValidTable(with(kTranspose, &ParamSpec::maxValue, 12.5F)));
}

TEST(TableChecks, ALogarithmicRangeStaysAboveZero) {
    using testing::kCutoff;
    EXPECT_TRUE(mappingsAreValid(kEveryKindTable));
    EXPECT_FALSE(mappingsAreValid(with(kCutoff, &ParamSpec::minValue, 0.0F)));
    EXPECT_FALSE(mappingsAreValid(with(with(kCutoff, &ParamSpec::minValue, -20.0F), kCutoff,
                                       &ParamSpec::defaultValue, 0.0F)));
    EXPECT_FALSE(isValidTable(with(kCutoff, &ParamSpec::minValue, 0.0F)));
}

TEST(TableChecks, ASkewNeedsAMiddleInsideTheRangeAndOffItsCentre) {
    using testing::kAttack;
    constexpr auto kMid = &ParamSpec::skewMidValue;
    EXPECT_FALSE(mappingsAreValid(with(kAttack, kMid, 500.0F)));
    EXPECT_FALSE(mappingsAreValid(with(kAttack, kMid, 0.0F)));
    EXPECT_FALSE(mappingsAreValid(with(kAttack, kMid, 1000.0F)));
    EXPECT_TRUE(mappingsAreValid(with(kAttack, kMid, 900.0F)));
    // A middle without the Skewed mapping.
    EXPECT_FALSE(mappingsAreValid(with(testing::kResonance, kMid, 10.0F)));
}

TEST(TableChecks, OnlyContinuousRowsHaveAMapping) {
    using testing::kTranspose;
    constexpr auto kMapping = &ParamSpec::mapping;
    constexpr Table positive = with(with(kTranspose, &ParamSpec::minValue, 1.0F), kTranspose,
                                    &ParamSpec::defaultValue, 1.0F);
    EXPECT_TRUE(mappingsAreValid(positive));
    EXPECT_FALSE(mappingsAreValid(with(positive, kTranspose, kMapping, ParamMapping::Logarithmic)));
    EXPECT_FALSE(mappingsAreValid(
        with(kEveryKindTable, testing::kBypass, kMapping, ParamMapping::Logarithmic)));
}

TEST(TableChecks, DefaultsAreValuesOfTheirKind) {
    EXPECT_FALSE(togglesDefaultToAnEnd(with(testing::kBypass, &ParamSpec::defaultValue, 0.5F)));
    EXPECT_FALSE(rangesAreSane(with(testing::kCutoff, &ParamSpec::defaultValue, 10.0F)));
    EXPECT_FALSE(isValidTable(with(testing::kBypass, &ParamSpec::defaultValue, 0.5F)));
}

TEST(TableChecks, TheOlderRulesStillHold) {
    EXPECT_FALSE(sizeIsSupported(std::span<const ParamSpec>{}));
    EXPECT_FALSE(stableIdsAreUnique(
        with(kEveryKindTable, 1, &ParamSpec::stableId, std::string_view{"cutoff"})));
    EXPECT_FALSE(atMostOneBypassToggle(
        with(kEveryKindTable, testing::kMode, &ParamSpec::role, ParamRole::Bypass)));
    EXPECT_FALSE(rangesAreSane(with(1, &ParamSpec::maxValue, 0.0F)));
}

}  // namespace
}  // namespace vstkit::protocol
