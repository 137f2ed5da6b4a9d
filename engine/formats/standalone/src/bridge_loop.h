#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio_driver.h"
#include "audio_path.h"
#include "console.h"
#include "editor_parameters.h"
#include "main_loop.h"
#include "termination_signals.h"

namespace vstkit::formats::standalone {

/// The browser dev mode's main loop (--no-window --ws-port): the editor
/// bridge served over WebSocket on 127.0.0.1 with Boost.Asio on this (the
/// main) thread, the termination signals, and a 10 ms tick that pushes moved
/// values and meters to every page, resends held-back edits, reports xruns
/// and writes the values to `rememberedFile` soon after they change, so an
/// engine restarted (or killed) comes back where the page left it.
struct BridgeLoopParts {
    TerminationSignals& signals;
    EditorParameters& parameters;
    const AudioPath& audio;
    const AudioDriver& driver;
    const Console& console;
    unsigned port = 0;
    std::string token;
    std::vector<std::string> origins;
    std::optional<std::filesystem::path> rememberedFile;
};

/// Returns when a signal arrives or the audio dies; nullopt with a reason in
/// `error` when the port cannot be opened.
[[nodiscard]] std::optional<StopReason> runBridgeLoop(const BridgeLoopParts& parts,
                                                      std::string& error);

}  // namespace vstkit::formats::standalone
