// vstkit-host: a headless VST3 host. It loads a .vst3 bundle the way a DAW
// does, through Steinberg's interfaces only, and checks, renders or
// describes it. Run with --help.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.h"
#include "vst3/host_error.h"

#if defined(_WIN32)
#include <windows.h>

#include <cwchar>

#include "vst3/strings.h"
#endif

namespace {

constexpr std::string_view kUsage = R"(Usage: vstkit-host COMMAND BUNDLE [OPTIONS]

BUNDLE is a VST3 bundle (NAME.vst3) or a CLAP file (NAME.clap).

Commands:
  info BUNDLE [--json]            factory, classes, buses and parameters
  render BUNDLE --in IN.wav --out OUT.wav [--set NAME=VALUE]...
         [--automation NAME=POINTS.csv]... [--block FRAMES] [--rate HZ]
         [--state STATE.bin] [--save-state STATE.bin] [--sample-size 32|64]
                                  offline render (VALUE in the parameter's
                                  own unit, e.g. gain=-6; POINTS.csv has
                                  "seconds,value" lines; --state loads a
                                  state first, --save-state writes the
                                  plugin's state after the render; 64 hands
                                  VST3 plugins double buffers)
  test BUNDLE [--output DIR] [--no-editor] [--skip CHECK]... [--class NAME]
       [--drag-parameter NAME [--drag-height FRACTION] [--await-drag SECONDS]]
       [--in-process]
       [--expect-silence-flags]
                                  the conformance suite, against what the
                                  plugin declares; exit 1 on any failure.
                                  Checks: factory parameters state bad-state
                                  lifecycle blocks automation bad-input
                                  tail realtime editor; for CLAP:
                                  descriptor ports parameters state
                                  bad-state lifecycle automation bad-input
                                  realtime editor.
                                  --expect-silence-flags: the tail check
                                  also wants rung-out output flagged silent
                                  --drag-parameter: also drag across the
                                  editor at FRACTION of its height (0.5) and
                                  expect NAME to go down (a known layout).
                                  --await-drag (Windows build): print
                                  where to drag and wait for another
                                  program's drag (xdotool under Wine).
                                  --in-process: no child process per check
  moduleinfo BUNDLE [--stdout]    write Contents/Resources/moduleinfo.json
  bench BUNDLE [--frames N] [--calls N] [--instances N] [--json]
                                  time process() calls of a .vst3, .clap or
                                  .lv2 (see ./vstkit bench)
)";

int run(const std::vector<std::string_view>& arguments) {
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" ||
        arguments[0] == "help") {
        std::fputs(kUsage.data(), arguments.empty() ? stderr : stdout);
        return arguments.empty() ? 2 : 0;
    }
    const std::string_view command = arguments[0];
    const std::span<const std::string_view> rest{arguments.data() + 1, arguments.size() - 1};
    try {
        if (command == "info") {
            return vstkit::host::runInfo(rest);
        }
        if (command == "render") {
            return vstkit::host::runRender(rest);
        }
        if (command == "test") {
            return vstkit::host::runConformance(rest);
        }
        if (command == "moduleinfo") {
            return vstkit::host::runModuleInfo(rest);
        }
        if (command == "bench") {
#if defined(_WIN32)
            throw vstkit::host::HostError(
                "bench is not in the Windows build of vstkit-host (./vstkit bench runs on Linux)");
#else
            return vstkit::host::runBench(rest);
#endif
        }
        throw vstkit::host::HostError("unknown command '" + std::string{command} +
                                      "' (try vstkit-host --help)");
    } catch (const std::exception& error) {
        std::fprintf(stderr, "vstkit-host: %s\n", error.what());
        return 2;
    }
}

}  // namespace

#if defined(_WIN32)
/// Windows hands programs their arguments in UTF-16 (main's would be in the
/// ANSI code page and lose any path character outside it): vstkit-host
/// works in UTF-8, and writes UTF-8 to a console too (its code page is
/// given back at the end: it outlives the program).
int wmain(int argc, wchar_t** argv) {
    struct ConsoleInUtf8 {
        UINT previous = GetConsoleOutputCP();
        ConsoleInUtf8() { SetConsoleOutputCP(CP_UTF8); }
        ~ConsoleInUtf8() {
            if (previous != 0) {
                SetConsoleOutputCP(previous);
            }
        }
        ConsoleInUtf8(const ConsoleInUtf8&) = delete;
        ConsoleInUtf8& operator=(const ConsoleInUtf8&) = delete;
    } const console;
    std::vector<std::string> texts;
    texts.reserve(static_cast<std::size_t>(argc));
    for (int index = 1; index < argc; ++index) {
        // On Windows the SDK's TChar is wchar_t, the arguments' UTF-16.
        texts.push_back(vstkit::host::toUtf8(argv[index], std::wcslen(argv[index])));
    }
    return run(std::vector<std::string_view>(texts.begin(), texts.end()));
}
#else
int main(int argc, char** argv) {
    return run(std::vector<std::string_view>(argv + 1, argv + argc));
}
#endif
