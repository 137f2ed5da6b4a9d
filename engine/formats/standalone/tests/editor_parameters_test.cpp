#include "editor_parameters.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::formats::standalone {
namespace {

constexpr auto kGain = protocol::testing::kGain;
constexpr auto kBypass = protocol::testing::kGainBypass;

TEST(EditorParameters, ShowsTheStartingValues) {
    EditQueue edits;
    auto values = protocol::defaultValues(protocol::testing::kGainTable);
    values[kGain] = 12.0F;
    EditorParameters parameters{edits, values};
    EXPECT_FLOAT_EQ(parameters.normalizedValue(kGain), 0.75F);
    EXPECT_FLOAT_EQ(parameters.normalizedValue(kBypass), 0.0F);
}

TEST(EditorParameters, AnEditIsShownAtOnceAndQueuedInPlainUnits) {
    EditQueue edits;
    EditorParameters parameters{edits, protocol::defaultValues(protocol::testing::kGainTable)};
    parameters.beginEdit(kGain);
    parameters.performEdit(kGain, 0.25F);
    parameters.endEdit(kGain);
    EXPECT_FLOAT_EQ(parameters.normalizedValue(kGain), 0.25F);
    EXPECT_FLOAT_EQ(parameters.values()[kGain], -12.0F);
    const auto edit = edits.pop();
    ASSERT_TRUE(edit);
    EXPECT_EQ(edit->index, kGain);
    EXPECT_FLOAT_EQ(edit->plain, -12.0F);
    EXPECT_FALSE(edits.pop());
}

TEST(EditorParameters, AFullQueueKeepsTheLatestValueAndSendsItLater) {
    EditQueue edits;
    EditorParameters parameters{edits, protocol::defaultValues(protocol::testing::kGainTable)};
    // The audio thread stalls: nothing is popped while the editor keeps dragging.
    for (int step = 0; step <= 300; ++step) {
        parameters.performEdit(kGain, static_cast<float>(step) / 300.0F);
    }
    std::size_t queued = 0;
    while (edits.pop()) {
        ++queued;
    }
    EXPECT_EQ(queued, 256U);
    parameters.onTimer();
    const auto resent = edits.pop();
    ASSERT_TRUE(resent);
    EXPECT_FLOAT_EQ(resent->plain, 24.0F);  // The last value, not the first refused.
    EXPECT_FALSE(edits.pop());
    parameters.onTimer();
    EXPECT_FALSE(edits.pop());  // Sent once only.
}

}  // namespace
}  // namespace vstkit::formats::standalone
