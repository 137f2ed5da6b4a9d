#include "parameter_setting.h"

#include <gtest/gtest.h>

#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::formats::standalone {
namespace {

TEST(ParameterSetting, ReadsStableIdsAndValuesAsTyped) {
    const auto gain = parseParameterSetting("gain=-6");
    ASSERT_TRUE(gain.setting) << gain.error;
    EXPECT_EQ(gain.setting->index, protocol::testing::kGain);
    EXPECT_FLOAT_EQ(gain.setting->plain, -6.0F);
    const auto withUnit = parseParameterSetting("gain=+3 dB");
    ASSERT_TRUE(withUnit.setting) << withUnit.error;
    EXPECT_FLOAT_EQ(withUnit.setting->plain, 3.0F);
    const auto bypass = parseParameterSetting("bypass=on");
    ASSERT_TRUE(bypass.setting) << bypass.error;
    EXPECT_EQ(bypass.setting->index, protocol::testing::kGainBypass);
    EXPECT_FLOAT_EQ(bypass.setting->plain, 1.0F);
}

TEST(ParameterSetting, RefusalsSayWhatIsWrong) {
    EXPECT_EQ(parseParameterSetting("gain").error,
              "--set needs ID=VALUE, e.g. --set gain=-6 (got 'gain')");
    EXPECT_EQ(parseParameterSetting("=3").error,
              "--set needs ID=VALUE, e.g. --set gain=-6 (got '=3')");
    EXPECT_EQ(parseParameterSetting("volume=3").error,
              "no parameter 'volume' (the parameters are gain, bypass)");
    EXPECT_EQ(parseParameterSetting("Gain=3").error,
              "no parameter 'Gain' (the parameters are gain, bypass)");
    EXPECT_EQ(parseParameterSetting("gain=loud").error,
              "'loud' is not a value for gain (it takes -24.0 dB to 24.0 dB)");
    EXPECT_EQ(parseParameterSetting("bypass=maybe").error,
              "'maybe' is not a value for bypass (it takes on or off)");
    EXPECT_FALSE(parseParameterSetting("gain=").setting);
}

}  // namespace
}  // namespace vstkit::formats::standalone
