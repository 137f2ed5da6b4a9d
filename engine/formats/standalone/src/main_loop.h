#pragma once

#include "app_window.h"
#include "audio_driver.h"
#include "audio_path.h"
#include "console.h"
#include "editor_parameters.h"
#include "termination_signals.h"
#include "vstkit/ui/editor.h"

namespace vstkit::formats::standalone {

/// Why the app stops.
enum class StopReason {
    Signal,
    WindowClosed,
    AudioFailed,
};

/// What the main loop watches; the window and editor are null without a window.
struct MainLoopParts {
    TerminationSignals& signals;
    AppWindow* window = nullptr;
    ui::Editor* editor = nullptr;
    EditorParameters& parameters;
    const AudioPath& audio;
    const AudioDriver& stream;
    const Console& console;
};

/// The main thread's loop while audio runs: poll() on the signal descriptor
/// and both X connections, with a ~30 Hz timer that draws the editor, resends
/// held-back edits and reports new xruns (one line on stderr each time).
/// Returns when a signal arrives, the window closes or the audio dies.
[[nodiscard]] StopReason runMainLoop(const MainLoopParts& parts);

}  // namespace vstkit::formats::standalone
