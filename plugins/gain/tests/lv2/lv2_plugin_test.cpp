// The built LV2 binary, opened with dlopen and driven through its descriptor
// the way an LV2 host drives it.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include <lv2/atom/atom.h>

#include "lv2_test_host.h"
#include "plugin.h"
#include "vstkit/formats/lv2/port_layout.h"
#include "vstkit/protocol/state.h"

namespace vstkit::lv2_tests {
namespace {

using formats::lv2::controlPortIndex;

constexpr const char* kUri = "https://vstkit.dev/plugins/vstkit-gain";
constexpr double kRate = 48000.0;
const std::uint32_t kGainPort = controlPortIndex(vstkit::core::kStereo, vstkit_gain::kGain);
const std::uint32_t kEnabledPort = controlPortIndex(vstkit::core::kStereo, vstkit_gain::kBypass);

float dbToGain(float db) {
    return std::pow(10.0F, db / 20.0F);
}

class Lv2Plugin : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(module_.loaded()) << module_.error();
        const auto entry = reinterpret_cast<const LV2_Descriptor* (*)(std::uint32_t)>(
            module_.symbol("lv2_descriptor"));
        ASSERT_NE(entry, nullptr);
        descriptor_ = entry(0);
        ASSERT_NE(descriptor_, nullptr);
    }

    std::unique_ptr<Lv2Instance> instance(bool withUridMap = true) {
        std::vector<const LV2_Feature*> features;
        if (withUridMap) {
            features.push_back(urids_.feature());
        }
        auto made = std::make_unique<Lv2Instance>(*descriptor_, kRate, features);
        EXPECT_TRUE(made->valid());
        return made;
    }

    Lv2Module module_{VSTKIT_LV2_BUNDLE, "VstKit.so"};
    const LV2_Descriptor* descriptor_ = nullptr;
    UridMap urids_;
};

// Released identifiers: hosts find the plugin and its saved control values by these.
TEST_F(Lv2Plugin, KeepsItsReleasedUriAndPortSymbols) {
    EXPECT_STREQ(descriptor_->URI, kUri);
    EXPECT_EQ(module_.symbol("lv2_descriptor"), module_.symbol("lv2_descriptor"));
    const auto entry = reinterpret_cast<const LV2_Descriptor* (*)(std::uint32_t)>(
        module_.symbol("lv2_descriptor"));
    EXPECT_EQ(entry(1), nullptr);
    EXPECT_EQ(formats::lv2::portSymbol(vstkit_gain::kParameters[vstkit_gain::kGain]), "gain");
    EXPECT_EQ(formats::lv2::portSymbol(vstkit_gain::kParameters[vstkit_gain::kBypass]), "enabled");
    EXPECT_EQ(kGainPort, 4U);
    EXPECT_EQ(kEnabledPort, 5U);
}

TEST_F(Lv2Plugin, RunsInAHostThatOffersNoFeatures) {
    auto plugin = instance(false);
    plugin->control(kGainPort) = -6.0F;
    // The first block takes the host's values as they are: no ramp from 0 dB.
    const auto first = plugin->runConstant(0.5F, 64);
    EXPECT_NEAR(first.front(), 0.5F * dbToGain(-6.0F), 1e-5F);
    EXPECT_NEAR(first.back(), 0.5F * dbToGain(-6.0F), 1e-5F);
    StoredState state;
    EXPECT_EQ(plugin->save(state), LV2_STATE_ERR_NO_FEATURE);
    EXPECT_TRUE(state.empty());
}

TEST_F(Lv2Plugin, EnabledPortAtZeroBypasses) {
    auto plugin = instance();
    plugin->control(kGainPort) = -12.0F;
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(-12.0F), 1e-5F);
    plugin->control(kEnabledPort) = 0.0F;
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F, 1e-6F);
    plugin->control(kEnabledPort) = 1.0F;
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(-12.0F), 1e-5F);
}

TEST_F(Lv2Plugin, ControlChangeRampsWithoutAJump) {
    auto plugin = instance();
    EXPECT_NEAR(plugin->settledOutput(0.5F, 256), 0.5F, 1e-6F);
    plugin->control(kGainPort) = -24.0F;
    std::vector<float> output;
    for (int block = 0; block < 30; ++block) {
        const auto part = plugin->runConstant(0.5F, 64);
        output.insert(output.end(), part.begin(), part.end());
    }
    // It starts where it was and moves in small steps (20 ms, 960 frames).
    EXPECT_GT(output.front(), 0.49F);
    float largestStep = 0.0F;
    for (std::size_t i = 1; i < output.size(); ++i) {
        largestStep = std::max(largestStep, std::abs(output[i] - output[i - 1]));
    }
    EXPECT_LT(largestStep, 0.001F);
    EXPECT_NEAR(output.back(), 0.5F * dbToGain(-24.0F), 1e-5F);
}

// The gain has a web editor, so its output's level is on meter ports too.
TEST_F(Lv2Plugin, MeterPortsReportTheOutputLevelInDb) {
    const auto first =
        formats::lv2::firstMeterPort(core::kStereo, vstkit_gain::kParameters.size(), false);
    EXPECT_EQ(first, 6U);  // After every released port.
    EXPECT_EQ(formats::lv2::meterPortName(2, 0, false).symbol, "peak_l");
    EXPECT_EQ(formats::lv2::meterPortName(2, 1, true).symbol, "rms_r");
    auto plugin = instance();
    std::vector<const float*> meters;
    for (std::uint32_t port = 0; port < 4; ++port) {
        meters.push_back(&plugin->connectOutputControl(first + port));
    }
    plugin->control(kGainPort) = -6.0F;
    for (int block = 0; block < 400; ++block) {
        plugin->runConstant(1.0F, 64);
    }
    for (const float* meter : meters) {
        EXPECT_NEAR(*meter, -6.0F, 0.05F);  // A constant: peak and RMS alike.
    }
    for (int block = 0; block < 1200; ++block) {
        plugin->runConstant(0.0F, 64);
    }
    for (const float* meter : meters) {
        EXPECT_EQ(*meter, formats::lv2::kMeterFloorDb);
    }
}

TEST_F(Lv2Plugin, SurvivesNonFinitePortValuesAndEmptyBlocks) {
    auto plugin = instance();
    plugin->control(kGainPort) = std::numeric_limits<float>::quiet_NaN();
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F, 1e-6F);  // NaN reads as the default.
    plugin->control(kGainPort) = std::numeric_limits<float>::infinity();
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(24.0F), 1e-4F);  // Clamped.
    plugin->control(kGainPort) = -1e30F;
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(-24.0F), 1e-5F);
    plugin->control(kEnabledPort) = std::numeric_limits<float>::quiet_NaN();
    EXPECT_TRUE(std::isfinite(plugin->settledOutput(0.5F)));
    EXPECT_TRUE(plugin->runConstant(0.5F, 0).empty());
    const auto denormal = std::numeric_limits<float>::denorm_min();
    const auto output = plugin->runConstant(denormal, 64);
    for (const float sample : output) {
        EXPECT_TRUE(std::isfinite(sample));
        EXPECT_TRUE(sample == 0.0F || std::fpclassify(sample) == FP_NORMAL);
    }
}

TEST_F(Lv2Plugin, StateRoundTripsThroughTheHost) {
    StoredState saved;
    {
        auto plugin = instance();
        plugin->control(kGainPort) = -9.5F;
        plugin->settledOutput(0.5F);
        ASSERT_EQ(plugin->save(saved), LV2_STATE_SUCCESS);
    }
    ASSERT_EQ(saved.size(), 1U);
    const auto& property = saved.begin()->second;
    EXPECT_EQ(saved.begin()->first, urids_.id(std::string{kUri} + "#state"));
    EXPECT_EQ(property.type, urids_.id(LV2_ATOM__Chunk));
    EXPECT_TRUE((property.flags & LV2_STATE_IS_PORTABLE) != 0);
    const auto parsed = protocol::parseState(vstkit_gain::kParameters, property.value);
    ASSERT_TRUE(parsed.values);
    EXPECT_FLOAT_EQ((*parsed.values)[vstkit_gain::kGain], -9.5F);

    // A host that restores state but not the ports still gets the saved value.
    auto restored = instance();
    ASSERT_EQ(restored->restore(saved), LV2_STATE_SUCCESS);
    EXPECT_NEAR(restored->settledOutput(0.5F), 0.5F * dbToGain(-9.5F), 1e-5F);
}

TEST_F(Lv2Plugin, MalformedStateChangesNothing) {
    auto plugin = instance();
    plugin->control(kGainPort) = -3.0F;
    plugin->settledOutput(0.5F);
    const auto key = urids_.id(std::string{kUri} + "#state");
    const auto chunk = urids_.id(LV2_ATOM__Chunk);
    auto blob = protocol::serializeState(vstkit_gain::kParameters,
                                         protocol::defaultValues(vstkit_gain::kParameters));
    const std::vector<StoredState> bad{
        {{key, {{1, 2, 3}, chunk, 0}}},                                 // foreign
        {{key, {{blob.begin(), blob.begin() + 7}, chunk, 0}}},          // truncated
        {{key, {std::vector<std::uint8_t>(8 << 20, 0x56), chunk, 0}}},  // huge
        {{key, {blob, urids_.id(LV2_ATOM__String), 0}}},                // wrong type
        {{urids_.id(std::string{kUri} + ":StateString"),
          {{'1', '2'}, urids_.id(LV2_ATOM__String), 0}}},
        {},  // nothing
    };
    for (const auto& state : bad) {
        EXPECT_NE(plugin->restore(state), LV2_STATE_SUCCESS);
        EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(-3.0F), 1e-5F);
    }
}

TEST_F(Lv2Plugin, RestoresTheStateStringOfTheJuceMadeBuilds) {
    std::ifstream file{std::string{VSTKIT_FIXTURES_DIR} + "/juce-7.0.5-lv2-state-string.txt",
                       std::ios::binary};
    ASSERT_TRUE(file) << "missing fixture juce-7.0.5-lv2-state-string.txt";
    std::vector<std::uint8_t> text{std::istreambuf_iterator<char>{file}, {}};
    text.push_back(0);  // JUCE stored the terminating NUL with the text.
    const StoredState state{
        {urids_.id(std::string{kUri} + ":StateString"), {text, urids_.id(LV2_ATOM__String), 0}}};
    auto plugin = instance();
    ASSERT_EQ(plugin->restore(state), LV2_STATE_SUCCESS);
    EXPECT_NEAR(plugin->settledOutput(0.5F), 0.5F * dbToGain(-6.0F), 1e-5F);
}

}  // namespace
}  // namespace vstkit::lv2_tests
