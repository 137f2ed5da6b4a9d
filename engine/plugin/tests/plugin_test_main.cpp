// GoogleTest main for tests that run JUCE objects: a display for the editor
// tests, and JUCE's message manager and GUI singletons for the whole run.
#include <gtest/gtest.h>
#include <juce_events/juce_events.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include "vstkit/xdisplay/virtual_display.h"

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    const vstkit::xdisplay::VirtualDisplay display;
    int result = 0;
    {
        const juce::ScopedJuceInitialiser_GUI juce;
        result = RUN_ALL_TESTS();
    }
    return result;
}
