#include "plugin_processor.h"

#include <memory>

#include "plugin_editor.h"
#include "process_guard.h"

namespace vstkit::plugin {
juce::AudioProcessor::BusesProperties PluginProcessor::stereoBuses() {
    return BusesProperties()
        .withInput("Input", juce::AudioChannelSet::stereo(), true)
        .withOutput("Output", juce::AudioChannelSet::stereo(), true);
}

PluginProcessor::PluginProcessor() : juce::AudioProcessor(stereoBuses()) {
    for (std::size_t i = 0; i < protocol::kParams.size(); ++i) {
        auto parameter = std::make_unique<ProtocolParameter>(protocol::kParams[i]);
        parameters_[i] = parameter.get();
        addParameter(parameter.release());
    }
    processor_.setTargetGainDb(parameter(protocol::ParamId::Gain).plainValue());
}

protocol::ParamValues PluginProcessor::currentValues() const noexcept {
    protocol::ParamValues values{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = parameters_[i]->plainValue();
    }
    return values;
}

void PluginProcessor::numChannelsChanged() {
    activeChannels_ = getTotalNumInputChannels();
}

void PluginProcessor::prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) {
    activeChannels_ = getTotalNumInputChannels();
    processor_.setTargetGainDb(parameter(protocol::ParamId::Gain).plainValue());
    processor_.prepare(sampleRate,
                       static_cast<std::size_t>(std::max(maximumExpectedSamplesPerBlock, 0)));
}

bool PluginProcessor::isBusesLayoutSupported(const BusesLayout& layouts) const {
    const auto input = layouts.getMainInputChannelSet();
    const auto output = layouts.getMainOutputChannelSet();
    const bool monoOrStereo =
        output == juce::AudioChannelSet::mono() || output == juce::AudioChannelSet::stereo();
    return monoOrStereo && input == output;
}

void PluginProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& /*midi*/) {
    render(buffer, parameter(protocol::ParamId::Bypass).plainValue() >= 0.5F);
}

juce::AudioProcessorParameter* PluginProcessor::getBypassParameter() const {
    return parameters_[protocol::indexOf(protocol::ParamId::Bypass)];
}

void PluginProcessor::processBlockBypassed(juce::AudioBuffer<float>& buffer,
                                           juce::MidiBuffer& /*midi*/) {
    render(buffer, true);
}

void PluginProcessor::render(juce::AudioBuffer<float>& buffer, bool bypassed) noexcept {
    const ProcessGuard realtimeChecks;
    processor_.setBypassed(bypassed);
    processor_.setTargetGainDb(parameter(protocol::ParamId::Gain).plainValue());
    const int channelCount = std::min(buffer.getNumChannels(), activeChannels_);
    processor_.process(
        std::span{buffer.getArrayOfWritePointers(), static_cast<std::size_t>(channelCount)},
        static_cast<std::size_t>(std::max(buffer.getNumSamples(), 0)));
    // Outputs without a matching input carry whatever the host left there.
    for (int channel = channelCount; channel < buffer.getNumChannels(); ++channel) {
        buffer.clear(channel, 0, buffer.getNumSamples());
    }
}

void PluginProcessor::reset() {
    processor_.reset();
}

juce::AudioProcessorEditor* PluginProcessor::createEditor() {
    return new PluginEditor(*this);
}

void PluginProcessor::getStateInformation(juce::MemoryBlock& destination) {
    const auto blob = protocol::serializeState(currentValues());
    destination.replaceAll(blob.data(), blob.size());
}

void PluginProcessor::setStateInformation(const void* data, int sizeInBytes) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    const auto size = bytes == nullptr ? 0 : static_cast<std::size_t>(std::max(sizeInBytes, 0));
    const auto result = protocol::parseState({bytes, size});
    if (!result.values) {
        juce::Logger::writeToLog("VstKit: ignored saved state (" +
                                 juce::String{std::string{protocol::describe(result.error)}} +
                                 "); parameters keep their current values");
        return;
    }
    for (std::size_t i = 0; i < result.values->size(); ++i) {
        parameters_[i]->setPlainValueNotifyingHost((*result.values)[i]);
    }
}

}  // namespace vstkit::plugin

// Called by every format wrapper to create an instance.
juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter() {
    return new vstkit::plugin::PluginProcessor();
}
