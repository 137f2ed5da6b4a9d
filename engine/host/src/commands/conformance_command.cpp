#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>

#include "arguments.h"
#include "commands.h"
#include "conformance/check.h"
#include "conformance/isolated_run.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::host {

namespace {

using conformance::CheckResult;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// Sanitizers report at exit and abort the process on an error: one process
// keeps their reports whole.
constexpr bool kIsolateByDefault = false;
#else
constexpr bool kIsolateByDefault = true;
#endif

// Far beyond any check's run time on a slow machine: only a hang reaches it.
constexpr std::chrono::seconds kCheckTimeout{300};

ClassDescription chooseAudioClass(const Module& module, const std::optional<std::string>& name) {
    if (!name) {
        return module.firstClassOf(kVstAudioEffectClass);
    }
    for (const auto& description : module.classes()) {
        if (description.category == kVstAudioEffectClass && description.name == *name) {
            return description;
        }
    }
    throw HostError("--class: no audio class named '" + *name + "' in " +
                    module.bundlePath().string());
}

CheckResult runGuarded(const conformance::Check& check, conformance::SuiteContext& context) {
    try {
        return check.run(context);
    } catch (const std::exception& error) {
        return CheckResult::fail(std::string{"threw: "} + error.what());
    } catch (...) {
        return CheckResult::fail("threw something that is not a std::exception");
    }
}

}  // namespace

int runConformance(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments,
                           {"no-editor", "in-process", "expect-silence-flags"},
                           {"output", "class", "drag-parameter", "drag-height"},
                           {"skip"}};
    using namespace conformance;
    std::vector<Check> checks{{"factory", checkFactory},
                              {"parameters", checkParameters},
                              {"state", checkState},
                              {"bad-state", checkBadState},
                              {"lifecycle", checkLifecycle},
                              {"blocks", checkBlockSizes},
                              {"automation", checkAutomation},
                              {"bad-input", checkBadInput},
                              {"tail", checkTail},
                              {"realtime", checkRealtime},
                              {"editor", checkEditor}};
    const auto checksToSkip = parsed.values("skip");
    for (const auto& name : checksToSkip) {
        if (std::none_of(checks.begin(), checks.end(),
                         [&](const Check& check) { return check.name == name; })) {
            throw HostError("--skip: there is no check named '" + name + "'");
        }
    }
    std::optional<EditorDrag> drag;
    if (const auto parameter = parsed.value("drag-parameter")) {
        drag = EditorDrag{*parameter, 0.5};
        if (const auto height = parsed.value("drag-height")) {
            drag->heightFraction = Arguments::parseDouble("drag-height", *height, 0.0, 1.0);
        }
    } else if (parsed.value("drag-height")) {
        throw HostError("--drag-height needs --drag-parameter");
    }

    // Before the plugin loads: toolkits may cache window-manager atoms on load.
    const xdisplay::VirtualDisplay display{false};
    const Module module{parsed.onlyPositional("bundle")};
    auto host = owned(new HostApplication);
    const std::filesystem::path output = parsed.value("output").value_or("vstkit-host-test");
    std::filesystem::create_directories(output);
    SuiteContext context{module, chooseAudioClass(module, parsed.value("class")),
                         *host,  output,
                         drag,   parsed.has("expect-silence-flags")};
    const bool isolate = kIsolateByDefault && !parsed.has("in-process");
    std::printf("testing '%s' in %s (%s)\n", context.audioClass.name.c_str(),
                module.bundlePath().c_str(),
                isolate ? "each check in its own process" : "all checks in this process");

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
        } else if (isolate) {
            result = runIsolated([&] { return runGuarded(check, context); }, kCheckTimeout);
        } else {
            result = runGuarded(check, context);
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
