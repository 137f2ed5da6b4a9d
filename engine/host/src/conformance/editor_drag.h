#pragma once

#include <X11/Xlib.h>

#include <chrono>
#include <functional>
#include <string>

#include "check.h"
#include "fault_list.h"
#include "vst3/plug_frame.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

/// Runs the host's loop for a while, so the editor sees the events.
using HostLoopPump = std::function<void(std::chrono::milliseconds)>;

/// Presses the left button at (fromX, y), moves to (toX, y) in steps and
/// releases it, through XTest, pumping the host loop between steps.
void dragWithMouse(Display* display, const HostLoopPump& pump, int fromX, int toX, int y);

/// The opt-in drag (EditorDrag): presses the left button in the middle of
/// the editor at the asked height and drags to a quarter of its width
/// through XTest, as a person's mouse. The parameter must get one
/// beginEdit, some performEdit and one endEdit, and go down. Returns what
/// happened for the PASS line; adds a fault when it went wrong.
[[nodiscard]] std::string dragAcrossEditor(Display* display, PlugFrame& frame,
                                           PluginInstance& instance, const EditorDrag& drag,
                                           int width, int height, FaultList& faults);

}  // namespace vstkit::host::conformance
