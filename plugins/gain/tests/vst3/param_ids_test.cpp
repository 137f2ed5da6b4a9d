// VstKit's released VST3 ParamIDs never change.
#include "vstkit/formats/vst3/param_ids.h"

#include <gtest/gtest.h>

#include "plugin.h"

namespace vstkit::formats::vst3 {
namespace {

TEST(ParamIds, ReleasedIdsAreKept) {
    EXPECT_EQ(paramIdOf(vstkit_gain::kParameters[vstkit_gain::kGain]), 3165055U);
    EXPECT_EQ(paramIdOf(vstkit_gain::kParameters[vstkit_gain::kBypass]), 1652125811U);
}

TEST(ParamIds, TheRuleIsJucesStringHash) {
    EXPECT_EQ(hashStableId(""), 0U);
    EXPECT_EQ(hashStableId("a"), 97U);
    EXPECT_EQ(hashStableId("ab"), 97U * 31U + 98U);
    // Long ids wrap in 32 bits and lose the sign bit, as JUCE's did.
    EXPECT_LE(hashStableId("a_very_long_stable_identifier"), 0x7fffffffU);
}

}  // namespace
}  // namespace vstkit::formats::vst3
