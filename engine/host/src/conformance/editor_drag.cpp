#include "editor_drag.h"

#include <X11/extensions/XTest.h>

#include <chrono>

#include "number_text.h"
#include "parameter_traits.h"

namespace vstkit::host::conformance {

using namespace Steinberg;
using namespace std::chrono_literals;

void dragWithMouse(Display* display, const HostLoopPump& pump, int fromX, int toX, int y) {
    XTestFakeMotionEvent(display, -1, fromX, y, CurrentTime);
    XFlush(display);
    pump(60ms);
    XTestFakeButtonEvent(display, 1, True, CurrentTime);
    XFlush(display);
    pump(60ms);
    constexpr int kSteps = 8;
    for (int step = 1; step <= kSteps; ++step) {
        XTestFakeMotionEvent(display, -1, fromX + (toX - fromX) * step / kSteps, y, CurrentTime);
        XFlush(display);
        pump(30ms);
    }
    XTestFakeButtonEvent(display, 1, False, CurrentTime);
    XFlush(display);
    pump(150ms);
}

std::string dragAcrossEditor(Display* display, PlugFrame& frame, PluginInstance& instance,
                             const EditorDrag& drag, int width, int height, FaultList& faults) {
    int event = 0;
    int error = 0;
    int major = 0;
    int minor = 0;
    if (!XTestQueryExtension(display, &event, &error, &major, &minor)) {
        faults.add("--drag-parameter needs the XTest extension, which this X server lacks");
        return {};
    }
    const auto info = instance.findParameter(drag.parameter);
    if (!info) {
        faults.add("--drag-parameter: the plugin has no parameter '" + drag.parameter + "'");
        return {};
    }
    const std::string name = nameOf(*info);
    const double before = instance.controller().getParamNormalized(info->id);
    instance.handler().clear();
    dragWithMouse(
        display, [&](std::chrono::milliseconds duration) { frame.pump(duration); }, width / 2,
        width / 4, static_cast<int>(drag.heightFraction * height));
    const double after = instance.controller().getParamNormalized(info->id);
    const auto [begins, performs, ends] = instance.handler().gesturesOf(info->id);
    if (begins != 1 || performs < 1 || ends != 1) {
        faults.add("a mouse drag across the editor gave " + std::to_string(begins) +
                   " beginEdit, " + std::to_string(performs) + " performEdit, " +
                   std::to_string(ends) + " endEdit for " + name);
    } else if (!(after < before - 0.1)) {
        faults.add("dragging left moved " + name + " from " + formatDouble(before) + " to " +
                   formatDouble(after));
    }
    return "; XTest drag gave begin/perform/end edits, " + name + " " + formatDouble(before, 2) +
           " -> " + formatDouble(after, 3);
}

}  // namespace vstkit::host::conformance
