#pragma once

#include <span>
#include <string_view>

namespace vstkit::formats::standalone {

/// Who the app is. The name titles the window, names the JACK client and the
/// remembered-settings file, and starts every message the app prints.
struct AppIdentity {
    std::string_view name;
};

/// The whole standalone app: reads the command line, plays audio through the
/// plugin core until SIGINT, SIGTERM or the window closes, and returns the
/// process exit code (0 done, 1 the audio device failed, 2 a bad request).
/// Called once, from main(), on the main thread.
[[nodiscard]] int runStandaloneApp(const AppIdentity& identity, std::span<char* const> arguments);

}  // namespace vstkit::formats::standalone
