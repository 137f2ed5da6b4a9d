#include "plugin_editor.h"

#include "plugin_processor.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::plugin {
namespace {

const juce::Colour kBackground{0xff1e2228};
const juce::Colour kPanel{0xff2a3038};
const juce::Colour kAccent{0xff4fb3bf};
const juce::Colour kText{0xffe8ecef};
const juce::Colour kDimText{0xff9aa4ad};

}  // namespace

PluginEditor::PluginEditor(PluginProcessor& plugin)
    : juce::AudioProcessorEditor(plugin),
      gain_(plugin.parameter(protocol::ParamId::Gain)),
      gainSlider_(juce::Slider::LinearHorizontal, juce::Slider::NoTextBox),
      gainAttachment_(gain_, gainSlider_) {
    setName("VstKit");
    gainLabel_.setJustificationType(juce::Justification::centred);
    gainLabel_.setFont(juce::Font{28.0F, juce::Font::bold});
    gainLabel_.setColour(juce::Label::textColourId, kText);
    addAndMakeVisible(gainLabel_);

    gainSlider_.setColour(juce::Slider::trackColourId, kAccent);
    gainSlider_.setColour(juce::Slider::backgroundColourId, kPanel.brighter(0.15F));
    gainSlider_.setColour(juce::Slider::thumbColourId, kText);
    gainSlider_.setDoubleClickReturnValue(true, static_cast<double>(gain_.spec().defaultValue));
    gainSlider_.setTitle(juce::String{gain_.spec().name.data(), gain_.spec().name.size()});
    gainSlider_.textFromValueFunction = [this](double value) {
        return juce::String{protocol::formatValue(gain_.spec(), static_cast<float>(value))};
    };
    // The attachment moves the slider when the host automates; the label follows the slider.
    gainSlider_.onValueChange = [this] { showGain(static_cast<float>(gainSlider_.getValue())); };
    addAndMakeVisible(gainSlider_);

    showGain(gain_.plainValue());
    setSize(kWidth, kHeight);
}

PluginEditor::~PluginEditor() = default;

void PluginEditor::showGain(float gainDb) {
    gainLabel_.setText(juce::String{protocol::formatValue(gain_.spec(), gainDb)},
                       juce::dontSendNotification);
}

void PluginEditor::paint(juce::Graphics& graphics) {
    graphics.fillAll(kBackground);
    auto area = getLocalBounds().reduced(12);
    auto header = area.removeFromTop(24);
    graphics.setColour(kText);
    graphics.setFont(juce::Font{18.0F, juce::Font::bold});
    graphics.drawText("VstKit", header, juce::Justification::centredLeft);
    graphics.setColour(kDimText);
    graphics.setFont(juce::Font{13.0F});
    graphics.drawText("GAIN", header, juce::Justification::centredRight);

    graphics.setColour(kPanel);
    graphics.fillRoundedRectangle(area.toFloat(), 8.0F);
}

void PluginEditor::resized() {
    auto area = getLocalBounds().reduced(12);
    area.removeFromTop(24);
    area = area.reduced(16, 10);
    gainLabel_.setBounds(area.removeFromTop(48));
    gainSlider_.setBounds(area.removeFromTop(36));
}

}  // namespace vstkit::plugin
