#include "vstkit/protocol/params.h"

#include <gtest/gtest.h>

namespace vstkit::protocol {
namespace {

TEST(Params, GainRowMatchesTheProductSpec) {
    const ParamSpec& gain = spec(ParamId::Gain);
    EXPECT_EQ(gain.id, ParamId::Gain);
    EXPECT_EQ(gain.stableId, "gain");
    EXPECT_EQ(gain.name, "Gain");
    EXPECT_EQ(gain.unit, "dB");
    EXPECT_EQ(gain.minValue, -24.0F);
    EXPECT_EQ(gain.maxValue, 24.0F);
    EXPECT_EQ(gain.defaultValue, 0.0F);
    EXPECT_EQ(gain.displayDecimals, 1);
}

TEST(Params, BypassRowIsTheHostsBypassToggle) {
    const ParamSpec& bypass = spec(ParamId::Bypass);
    EXPECT_EQ(bypass.stableId, "bypass");
    EXPECT_EQ(bypass.name, "Bypass");
    EXPECT_EQ(bypass.kind, ParamKind::Toggle);
    EXPECT_EQ(bypass.role, ParamRole::Bypass);
    EXPECT_EQ(bypass.defaultValue, 0.0F);
}

TEST(Params, TableRowsAreIndexedByTheirId) {
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        EXPECT_EQ(indexOf(kParams[i].id), i);
        EXPECT_EQ(&spec(kParams[i].id), &kParams[i]);
    }
    EXPECT_EQ(kParams.size(), kParamIdCount);
}

}  // namespace
}  // namespace vstkit::protocol
