// The yardstick, not a product: the gain plugin as JUCE's own examples write
// it. One AudioParameterFloat, no smoothing, buffer.applyGain per block. The
// benchmarks compare VstKit against it, and the conformance suite uses it as
// the baseline for what JUCE's wrapper itself does on the audio thread.
#include <juce_audio_processors/juce_audio_processors.h>

namespace {

class TextbookGain final : public juce::AudioProcessor {
  public:
    TextbookGain()
        : juce::AudioProcessor(BusesProperties()
                                   .withInput("Input", juce::AudioChannelSet::stereo(), true)
                                   .withOutput("Output", juce::AudioChannelSet::stereo(), true)) {
        gainDb_ = new juce::AudioParameterFloat(juce::ParameterID{"gain", 1}, "Gain", -24.0F, 24.0F,
                                                0.0F);
        addParameter(gainDb_);
    }

    void prepareToPlay(double, int) override {}
    void releaseResources() override {}
    void processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&) override {
        buffer.applyGain(juce::Decibels::decibelsToGain(gainDb_->get()));
    }

    juce::AudioProcessorEditor* createEditor() override { return nullptr; }
    bool hasEditor() const override { return false; }
    const juce::String getName() const override { return "Textbook Gain"; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    double getTailLengthSeconds() const override { return 0.0; }
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram(int) override {}
    const juce::String getProgramName(int) override { return "Default"; }
    void changeProgramName(int, const juce::String&) override {}
    void getStateInformation(juce::MemoryBlock&) override {}
    void setStateInformation(const void*, int) override {}

  private:
    juce::AudioParameterFloat* gainDb_;
};

}  // namespace

juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter() {
    return new TextbookGain();
}
