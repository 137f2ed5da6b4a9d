// A session saved with one format loads in another: the built CLAP and LV2
// binaries, each opened as its hosts open them, hand each other the same
// state bytes (the protocol's blob). VST3 <-> CLAP is render_test.sh's
// cross-format case, through vstkit-host.
#include <gtest/gtest.h>

#include <cmath>

#include <lv2/atom/atom.h>
#include <lv2/state/state.h>

#include "clap_test_plugin.h"
#include "lv2/lv2_test_host.h"
#include "plugin.h"
#include "vstkit/formats/lv2/port_layout.h"
#include "vstkit/protocol/param_ids.h"

namespace vstkit::clap_tests {
namespace {

using lv2_tests::Lv2Instance;
using lv2_tests::Lv2Module;
using lv2_tests::StoredState;
using lv2_tests::UridMap;

constexpr const char* kClapId = "dev.vstkit.gain";
constexpr const char* kLv2Uri = "https://vstkit.dev/plugins/vstkit-gain";
const std::uint32_t kGainPort = formats::lv2::controlPortIndex(core::kStereo, vstkit_gain::kGain);
const clap_abi::Id kGainId = protocol::paramIdOf(vstkit_gain::kParameters[vstkit_gain::kGain]);

class CrossFormatState : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(lv2Module_.loaded()) << lv2Module_.error();
        const auto entry = reinterpret_cast<const LV2_Descriptor* (*)(std::uint32_t)>(
            lv2Module_.symbol("lv2_descriptor"));
        ASSERT_NE(entry, nullptr);
        lv2Descriptor_ = entry(0);
        ASSERT_NE(lv2Descriptor_, nullptr);
        ASSERT_TRUE(clap_.error().empty()) << clap_.error();
    }

    std::unique_ptr<Lv2Instance> lv2() {
        return std::make_unique<Lv2Instance>(*lv2Descriptor_, 48000.0,
                                             std::vector<const LV2_Feature*>{urids_.feature()});
    }

    [[nodiscard]] LV2_URID stateKey() { return urids_.id(std::string{kLv2Uri} + "#state"); }

    /// What an LV2 host stores for these bytes.
    StoredState asLv2State(const std::vector<std::uint8_t>& bytes) {
        return {{stateKey(),
                 {bytes, urids_.id(LV2_ATOM__Chunk), LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE}}};
    }

    Lv2Module lv2Module_{VSTKIT_LV2_BUNDLE, "VstKit.so"};
    const LV2_Descriptor* lv2Descriptor_ = nullptr;
    UridMap urids_;
    ClapTestPlugin clap_{VSTKIT_CLAP_FILE, kClapId};
};

TEST_F(CrossFormatState, SavedThroughClapLoadsInLv2) {
    ASSERT_TRUE(clap_.setValue(kGainId, -6.5));
    const auto bytes = clap_.saveState();
    ASSERT_TRUE(bytes);
    auto plugin = lv2();
    ASSERT_EQ(plugin->restore(asLv2State(*bytes)), LV2_STATE_SUCCESS);
    // The LV2 instance plays at the CLAP's -6.5 dB, ports untouched.
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * std::pow(10.0F, -6.5F / 20.0F), 1e-5F);
}

TEST_F(CrossFormatState, SavedThroughLv2LoadsInClap) {
    StoredState saved;
    {
        auto plugin = lv2();
        plugin->control(kGainPort) = -11.0F;
        plugin->settledOutput(0.5F);
        ASSERT_EQ(plugin->save(saved), LV2_STATE_SUCCESS);
    }
    ASSERT_EQ(saved.count(stateKey()), 1U);
    ASSERT_TRUE(clap_.loadState(saved.at(stateKey()).value));
    EXPECT_EQ(clap_.value(kGainId), -11.0);
}

TEST_F(CrossFormatState, BothFormatsSaveTheSameBytes) {
    StoredState saved;
    {
        auto plugin = lv2();
        plugin->control(kGainPort) = -9.5F;
        plugin->settledOutput(0.5F);
        ASSERT_EQ(plugin->save(saved), LV2_STATE_SUCCESS);
    }
    ASSERT_TRUE(clap_.setValue(kGainId, -9.5));
    const auto bytes = clap_.saveState();
    ASSERT_TRUE(bytes);
    EXPECT_EQ(*bytes, saved.at(stateKey()).value);
}

TEST_F(CrossFormatState, ABadBlobChangesNothingInClap) {
    ASSERT_TRUE(clap_.setValue(kGainId, -3.0));
    auto bytes = clap_.saveState();
    ASSERT_TRUE(bytes);
    bytes->resize(bytes->size() - 3);
    EXPECT_FALSE(clap_.loadState(*bytes));
    EXPECT_FALSE(clap_.loadState({}));
    EXPECT_EQ(clap_.value(kGainId), -3.0);
}

}  // namespace
}  // namespace vstkit::clap_tests
