#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>

#include "protocol_parameter.h"
#include "vstkit/dsp/processor.h"
#include "vstkit/protocol/params.h"
#include "vstkit/protocol/state.h"

namespace vstkit::plugin {

/// The VstKit gain plugin as JUCE sees it: parameters from the protocol table,
/// audio through dsp::Processor, state in the protocol's versioned format.
class PluginProcessor final : public juce::AudioProcessor {
  public:
    PluginProcessor();
    ~PluginProcessor() override = default;

    PluginProcessor(const PluginProcessor&) = delete;
    PluginProcessor& operator=(const PluginProcessor&) = delete;
    PluginProcessor(PluginProcessor&&) = delete;
    PluginProcessor& operator=(PluginProcessor&&) = delete;

    [[nodiscard]] ProtocolParameter& parameter(protocol::ParamId id) noexcept {
        return *parameters_[protocol::indexOf(id)];
    }
    [[nodiscard]] protocol::ParamValues currentValues() const noexcept;

    // Message thread, audio stopped.
    void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) override;
    void releaseResources() override {}
    bool isBusesLayoutSupported(const BusesLayout& layouts) const override;
    void numChannelsChanged() override;

    // Audio thread.
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    void processBlockBypassed(juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    // Any thread: the table's Bypass row is the host's bypass.
    juce::AudioProcessorParameter* getBypassParameter() const override;
    // Host's control thread, never while a block is being processed.
    void reset() override;

    // Message thread.
    juce::AudioProcessorEditor* createEditor() override;
    bool hasEditor() const override { return true; }
    void getStateInformation(juce::MemoryBlock& destination) override;
    void setStateInformation(const void* data, int sizeInBytes) override;

    // Any thread: constant facts.
    const juce::String getName() const override { return JucePlugin_Name; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    bool isMidiEffect() const override { return false; }
    double getTailLengthSeconds() const override { return 0.0; }
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram(int /*index*/) override {}
    const juce::String getProgramName(int /*index*/) override { return "Default"; }
    void changeProgramName(int /*index*/, const juce::String& /*name*/) override {}

  private:
    static BusesProperties stereoBuses();
    void render(juce::AudioBuffer<float>& buffer, bool bypassed) noexcept;

    std::array<ProtocolParameter*, protocol::kParams.size()> parameters_{};
    int activeChannels_ = 2;  // Cached: JUCE counts them bus by bus on every call.
    dsp::Processor processor_;
};

}  // namespace vstkit::plugin
