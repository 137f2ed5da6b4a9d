#include <gtest/gtest.h>

#include <bit>
#include <random>

#include "plugin_test_support.h"

namespace vstkit::plugin {
namespace {

using testing::setGainDb;

juce::MemoryBlock saveState(PluginProcessor& processor) {
    juce::MemoryBlock state;
    processor.getStateInformation(state);
    return state;
}

TEST(PluginState, RoundTripsBitIdentical) {
    for (float gainDb : {-24.0F, -6.0206F, -0.05F, 1.0F / 7.0F, 23.99F}) {
        PluginProcessor original;
        original.parameter(protocol::ParamId::Gain).setPlainValueNotifyingHost(gainDb);
        const auto state = saveState(original);

        PluginProcessor restored;
        setGainDb(restored, 12.0F);
        restored.setStateInformation(state.getData(), static_cast<int>(state.getSize()));
        EXPECT_EQ(
            std::bit_cast<std::uint32_t>(restored.parameter(protocol::ParamId::Gain).plainValue()),
            std::bit_cast<std::uint32_t>(gainDb));
        EXPECT_EQ(saveState(restored), state);
    }
}

TEST(PluginState, HostSetValuesRoundTripBitIdentical) {
    PluginProcessor original;
    original.parameter(protocol::ParamId::Gain).setValueNotifyingHost(0.123456F);
    const auto state = saveState(original);
    PluginProcessor restored;
    restored.setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    EXPECT_EQ(restored.currentValues(), original.currentValues());
}

TEST(PluginState, RejectedBlobsLeaveEveryValueAsItWas) {
    PluginProcessor processor;
    setGainDb(processor, -9.5F);
    const auto valuesBefore = processor.currentValues();
    const auto good = saveState(processor);

    std::vector<std::vector<char>> blobs;
    blobs.emplace_back();  // empty
    blobs.emplace_back(static_cast<const char*>(good.getData()),
                       static_cast<const char*>(good.getData()) + good.getSize() - 2);  // truncated
    blobs.emplace_back(std::vector<char>(10 * 1024 * 1024, 'V'));                       // 10 MB
    const std::string foreign = R"(<?xml version="1.0"?><PARAMS gain="3"/>)";
    blobs.emplace_back(foreign.begin(), foreign.end());
    std::mt19937 random{1234};
    for (int i = 0; i < 64; ++i) {
        std::vector<char> noise(random() % 64);
        for (auto& byte : noise) {
            byte = static_cast<char>(random());
        }
        blobs.push_back(noise);
    }
    for (const auto& blob : blobs) {
        processor.setStateInformation(blob.data(), static_cast<int>(blob.size()));
        ASSERT_EQ(processor.currentValues(), valuesBefore) << blob.size() << " bytes";
    }
    processor.setStateInformation(nullptr, 0);
    processor.setStateInformation(nullptr, -5);
    EXPECT_EQ(processor.currentValues(), valuesBefore);
}

}  // namespace
}  // namespace vstkit::plugin
