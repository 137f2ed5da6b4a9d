#include <gtest/gtest.h>

#include "plugin_processor.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/params.h"

namespace vstkit::plugin {
namespace {

TEST(PluginParameters, MatchTheProtocolTableRowByRow) {
    PluginProcessor processor;
    const auto& parameters = processor.getParameters();
    ASSERT_EQ(static_cast<std::size_t>(parameters.size()), protocol::kParams.size());
    for (std::size_t i = 0; i < protocol::kParams.size(); ++i) {
        const auto& spec = protocol::kParams[i];
        const auto* parameter =
            dynamic_cast<juce::RangedAudioParameter*>(parameters[static_cast<int>(i)]);
        ASSERT_NE(parameter, nullptr);
        EXPECT_EQ(parameter->getParameterID().toStdString(), spec.stableId);
        EXPECT_EQ(parameter->getName(100).toStdString(), spec.name);
        EXPECT_EQ(parameter->getLabel().toStdString(), spec.unit);
        EXPECT_EQ(parameter->getNormalisableRange().start, spec.minValue);
        EXPECT_EQ(parameter->getNormalisableRange().end, spec.maxValue);
        EXPECT_EQ(parameter->getDefaultValue(), protocol::toNormalized(spec, spec.defaultValue));
        EXPECT_EQ(parameter->getValue(), parameter->getDefaultValue());
        EXPECT_TRUE(parameter->isAutomatable());
        EXPECT_FALSE(parameter->isDiscrete());
    }
}

TEST(PluginParameters, TextConversionsAreTheProtocols) {
    PluginProcessor processor;
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    EXPECT_EQ(gain.getText(protocol::toNormalized(gain.spec(), -6.0F), 100), "-6.0 dB");
    EXPECT_EQ(gain.getText(1.0F, 100), "24.0 dB");
    EXPECT_EQ(gain.getText(0.5F, 3), "0.0");
    EXPECT_FLOAT_EQ(gain.getValueForText("-6 dB"), protocol::toNormalized(gain.spec(), -6.0F));
    EXPECT_FLOAT_EQ(gain.getValueForText("+3"), protocol::toNormalized(gain.spec(), 3.0F));
    gain.setValueNotifyingHost(0.25F);
    EXPECT_FLOAT_EQ(gain.getValueForText("garbage"), 0.25F) << "unparsable text keeps the value";
}

TEST(PluginParameters, HostNormalizedValuesMapOntoThePlainRange) {
    PluginProcessor processor;
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    gain.setValueNotifyingHost(0.0F);
    EXPECT_EQ(gain.plainValue(), -24.0F);
    gain.setValueNotifyingHost(1.0F);
    EXPECT_EQ(gain.plainValue(), 24.0F);
    gain.setValueNotifyingHost(0.375F);
    EXPECT_EQ(gain.plainValue(), -6.0F);
}

TEST(PluginParameters, HostNormalizedValuesReadBackExactly) {
    // JUCE's VST3 wrapper compares getValue() with each value the host sends;
    // any difference counts as a change and notifies listeners on the audio
    // thread. Every float in 0..1 must therefore read back as given.
    PluginProcessor processor;
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    for (float normalized : {0.3F, 0.123456F, 0.7F, 1.0F / 3.0F, 0.999999F, 0.0F, 1.0F}) {
        gain.setValue(normalized);
        EXPECT_EQ(gain.getValue(), normalized);
    }
}

TEST(PluginLayout, AcceptsMonoAndStereoOnly) {
    PluginProcessor processor;
    const auto layout = [](const juce::AudioChannelSet& in, const juce::AudioChannelSet& out) {
        juce::AudioProcessor::BusesLayout buses;
        buses.inputBuses.add(in);
        buses.outputBuses.add(out);
        return buses;
    };
    using Set = juce::AudioChannelSet;
    EXPECT_TRUE(processor.checkBusesLayoutSupported(layout(Set::stereo(), Set::stereo())));
    EXPECT_TRUE(processor.checkBusesLayoutSupported(layout(Set::mono(), Set::mono())));
    EXPECT_FALSE(processor.checkBusesLayoutSupported(layout(Set::mono(), Set::stereo())));
    EXPECT_FALSE(processor.checkBusesLayoutSupported(layout(Set::stereo(), Set::mono())));
    EXPECT_FALSE(
        processor.checkBusesLayoutSupported(layout(Set::create5point1(), Set::create5point1())));
    EXPECT_FALSE(processor.checkBusesLayoutSupported(layout(Set::disabled(), Set::disabled())));
}

TEST(PluginIdentity, IsANamedEffectWithANamedProgram) {
    PluginProcessor processor;
    EXPECT_EQ(processor.getName(), "VstKit");
    EXPECT_FALSE(processor.acceptsMidi());
    EXPECT_FALSE(processor.producesMidi());
    EXPECT_EQ(processor.getNumPrograms(), 1);
    EXPECT_FALSE(processor.getProgramName(0).isEmpty());
    EXPECT_TRUE(processor.hasEditor());
}

}  // namespace
}  // namespace vstkit::plugin
