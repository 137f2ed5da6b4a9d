#include <gtest/gtest.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

#include "plugin_editor.h"
#include "plugin_test_support.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::plugin {
namespace {

using testing::setGainDb;

/// Records the gestures and values a host would receive from the editor.
class GestureRecorder final : public juce::AudioProcessorParameter::Listener {
  public:
    void parameterValueChanged(int /*index*/, float /*value*/) override { ++valueChanges; }
    void parameterGestureChanged(int /*index*/, bool starting) override {
        starting ? ++gestureStarts : ++gestureEnds;
    }
    int valueChanges = 0;
    int gestureStarts = 0;
    int gestureEnds = 0;
};

/// Closes an editor the way a format wrapper does: unregister, then delete.
struct EditorCloser {
    void operator()(PluginEditor* editor) const {
        editor->processor.editorBeingDeleted(editor);
        delete editor;
    }
};
using OpenEditor = std::unique_ptr<PluginEditor, EditorCloser>;

OpenEditor openEditor(PluginProcessor& processor) {
    return OpenEditor{dynamic_cast<PluginEditor*>(processor.createEditorIfNeeded())};
}

juce::MouseEvent mouseEvent(juce::Component& component, juce::Point<float> position,
                            juce::Point<float> downPosition, bool dragged) {
    const auto now = juce::Time::getCurrentTime();
    return juce::MouseEvent{juce::Desktop::getInstance().getMainMouseSource(),
                            position,
                            juce::ModifierKeys{juce::ModifierKeys::leftButtonModifier},
                            juce::MouseInputSource::defaultPressure,
                            juce::MouseInputSource::defaultOrientation,
                            juce::MouseInputSource::defaultRotation,
                            juce::MouseInputSource::defaultTiltX,
                            juce::MouseInputSource::defaultTiltY,
                            &component,
                            &component,
                            now,
                            downPosition,
                            now,
                            1,
                            dragged};
}

/// Presses the mouse at fromX, drags to toX and releases, as a person would.
void dragSlider(juce::Slider& slider, float fromX, float toX) {
    const juce::Point<float> down{fromX, static_cast<float>(slider.getHeight()) / 2.0F};
    const juce::Point<float> up{toX, down.y};
    slider.mouseDown(mouseEvent(slider, down, down, false));
    slider.mouseDrag(mouseEvent(slider, (down + up) / 2.0F, down, true));
    slider.mouseDrag(mouseEvent(slider, up, down, true));
    slider.mouseUp(mouseEvent(slider, up, down, true));
}

TEST(PluginEditor, ShowsTheGainAndFollowsTheHost) {
    PluginProcessor processor;
    auto editor = openEditor(processor);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->getWidth(), PluginEditor::kWidth);
    EXPECT_EQ(editor->getHeight(), PluginEditor::kHeight);
    EXPECT_EQ(editor->gainText(), "0.0 dB");

    setGainDb(processor, -6.0F);  // As host automation would, on the message thread.
    EXPECT_EQ(editor->gainText(), "-6.0 dB");
    EXPECT_DOUBLE_EQ(editor->gainSlider().getValue(), -6.0);
}

TEST(PluginEditor, SliderMovesTheParameterInsideAGesture) {
    PluginProcessor processor;
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    GestureRecorder recorder;
    gain.addListener(&recorder);
    auto editor = openEditor(processor);
    auto& slider = editor->gainSlider();
    dragSlider(slider, static_cast<float>(slider.getWidth()) / 2.0F,
               static_cast<float>(slider.getWidth()) * 0.2F);
    EXPECT_LT(gain.plainValue(), -5.0F);
    EXPECT_GT(gain.plainValue(), -24.0F);
    EXPECT_EQ(editor->gainText(),
              juce::String{protocol::formatValue(gain.spec(), gain.plainValue())});
    EXPECT_EQ(recorder.gestureStarts, 1);
    EXPECT_EQ(recorder.gestureEnds, 1);
    EXPECT_GE(recorder.valueChanges, 1);
    gain.removeListener(&recorder);
}

TEST(PluginEditor, OpensAndClosesRepeatedly) {
    PluginProcessor processor;
    for (int i = 0; i < 100; ++i) {
        auto editor = openEditor(processor);
        ASSERT_NE(editor, nullptr);
        setGainDb(processor, static_cast<float>(i % 48 - 24));
    }
    EXPECT_EQ(processor.getActiveEditor(), nullptr);
}

TEST(PluginEditor, RendersOnScreen) {
    if (juce::Desktop::getInstance().getDisplays().getPrimaryDisplay() == nullptr) {
        GTEST_SKIP() << "no display (run under xvfb-run)";
    }
    PluginProcessor processor;
    setGainDb(processor, -6.0F);
    auto editor = openEditor(processor);
    editor->addToDesktop(0);
    editor->setVisible(true);
    ASSERT_NE(editor->getPeer(), nullptr);
    const auto image = editor->createComponentSnapshot(editor->getLocalBounds());
    EXPECT_EQ(image.getWidth(), PluginEditor::kWidth);
    // The background is dark and the value text light: the picture is not blank.
    const auto corner = image.getPixelAt(2, 2);
    EXPECT_LT(corner.getBrightness(), 0.3F);
    int lightPixels = 0;
    for (int y = 0; y < image.getHeight(); ++y) {
        for (int x = 0; x < image.getWidth(); ++x) {
            lightPixels += image.getPixelAt(x, y).getBrightness() > 0.8F ? 1 : 0;
        }
    }
    EXPECT_GT(lightPixels, 200);
    const auto png = juce::File::getCurrentWorkingDirectory().getChildFile("plugin_editor.png");
    png.deleteFile();
    juce::FileOutputStream stream{png};
    ASSERT_TRUE(stream.openedOk());
    ASSERT_TRUE(juce::PNGImageFormat{}.writeImageToStream(image, stream));
    editor->removeFromDesktop();
}

}  // namespace
}  // namespace vstkit::plugin
