#pragma once

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include "protocol_parameter.h"

namespace vstkit::plugin {

class PluginProcessor;

/// The placeholder editor: the plugin's name, the gain as text and one slider
/// bound to the Gain parameter. Message thread only.
class PluginEditor final : public juce::AudioProcessorEditor {
  public:
    static constexpr int kWidth = 400;
    static constexpr int kHeight = 160;

    explicit PluginEditor(PluginProcessor& plugin);
    ~PluginEditor() override;

    PluginEditor(const PluginEditor&) = delete;
    PluginEditor& operator=(const PluginEditor&) = delete;
    PluginEditor(PluginEditor&&) = delete;
    PluginEditor& operator=(PluginEditor&&) = delete;

    void paint(juce::Graphics& graphics) override;
    void resized() override;

    /// For tests: the slider a person drags and the text they read.
    [[nodiscard]] juce::Slider& gainSlider() noexcept { return gainSlider_; }
    [[nodiscard]] juce::String gainText() const { return gainLabel_.getText(); }

  private:
    void showGain(float gainDb);

    ProtocolParameter& gain_;
    juce::Label gainLabel_;
    juce::Slider gainSlider_;
    juce::SliderParameterAttachment gainAttachment_;
};

}  // namespace vstkit::plugin
