#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>

#include "arguments.h"
#include "commands.h"
#include "conformance/check.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::host {

int runConformance(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"no-editor"}, {"output"}, {"skip"}};
    // Before the plugin loads: toolkits may cache window-manager atoms on load.
    const xdisplay::VirtualDisplay display{false};
    const Module module{parsed.onlyPositional("bundle")};
    auto host = owned(new HostApplication);
    const std::filesystem::path output = parsed.value("output").value_or("vstkit-host-test");
    std::filesystem::create_directories(output);

    using namespace conformance;
    SuiteContext context{module, *host, output};
    std::vector<Check> checks{{"factory", checkFactory},    {"parameters", checkParameters},
                              {"audio", checkAudio},        {"automation", checkAutomation},
                              {"state", checkState},        {"lifecycle", checkLifecycle},
                              {"bad-input", checkBadInput}, {"realtime", checkRealtime},
                              {"editor", checkEditor}};
    const auto checksToSkip = parsed.values("skip");
    for (const auto& name : checksToSkip) {
        if (std::none_of(checks.begin(), checks.end(),
                         [&](const Check& check) { return check.name == name; })) {
            throw HostError("--skip: there is no check named '" + name + "'");
        }
    }
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const auto& check : checks) {
        CheckResult result;
        if (check.name == "editor" && parsed.has("no-editor")) {
            result = CheckResult::skip("--no-editor");
        } else if (std::find(checksToSkip.begin(), checksToSkip.end(), check.name) !=
                   checksToSkip.end()) {
            result = CheckResult::skip("--skip " + check.name);
        } else {
            try {
                result = check.run(context);
            } catch (const std::exception& error) {
                result = CheckResult::fail(std::string{"threw: "} + error.what());
            }
        }
        const char* label = result.verdict == CheckResult::Verdict::Pass   ? "PASS"
                            : result.verdict == CheckResult::Verdict::Fail ? "FAIL"
                                                                           : "SKIP";
        std::printf("%s  %-11s %s\n", label, check.name.c_str(), result.detail.c_str());
        std::fflush(stdout);
        passed += result.verdict == CheckResult::Verdict::Pass ? 1 : 0;
        failed += result.verdict == CheckResult::Verdict::Fail ? 1 : 0;
        skipped += result.verdict == CheckResult::Verdict::Skip ? 1 : 0;
    }
    std::printf("%d passed, %d failed", passed, failed);
    if (skipped > 0) {
        std::printf(", %d skipped", skipped);
    }
    std::printf("\n");
    return failed == 0 ? 0 : 1;
}

}  // namespace vstkit::host
