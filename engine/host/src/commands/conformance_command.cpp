#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>

#include "arguments.h"
#include "commands.h"
#include "conformance/check.h"
#include "conformance/isolated_run.h"
#include "platform/utf8_path.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#if !defined(_WIN32)
// CLAP and the X display are Linux's; the Windows build tests VST3 modules.
#include "clap/clap_module.h"
#include "conformance/clap/clap_check.h"
#include "vstkit/xdisplay/virtual_display.h"
#endif

namespace vstkit::host {

namespace {

using conformance::CheckResult;
using conformance::EditorDrag;

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
                    utf8Of(module.bundlePath()));
}

CheckResult runGuarded(const std::function<CheckResult()>& check) {
    try {
        return check();
    } catch (const std::exception& error) {
        return CheckResult::fail(std::string{"threw: "} + error.what());
    } catch (...) {
        return CheckResult::fail("threw something that is not a std::exception");
    }
}

/// A check bound to its suite's context, ready to run.
struct BoundCheck {
    std::string name;
    std::function<CheckResult()> run;
};

/// --skip names a check the suite has, or the run stops before loading anything.
void requireKnownChecks(const std::vector<std::string>& known,
                        const std::vector<std::string>& toSkip) {
    for (const auto& name : toSkip) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            throw HostError("--skip: there is no check named '" + name + "'");
        }
    }
}

/// Runs the checks (each in its own process unless told otherwise), prints
/// one PASS/FAIL/SKIP line each and the summary; exit 1 on any failure.
int runChecks(const std::vector<BoundCheck>& checks, const Arguments& parsed, bool isolate) {
    const auto checksToSkip = parsed.values("skip");
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const auto& check : checks) {
        CheckResult result;
        const auto guarded = [&] { return runGuarded(check.run); };
        if (check.name == "editor" && parsed.has("no-editor")) {
            result = CheckResult::skip("--no-editor");
        } else if (std::find(checksToSkip.begin(), checksToSkip.end(), check.name) !=
                   checksToSkip.end()) {
            result = CheckResult::skip("--skip " + check.name);
        } else if (isolate) {
            result = conformance::runIsolated(check.name, guarded, kCheckTimeout);
        } else {
            result = guarded();
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

#if !defined(_WIN32)
/// The CLAP suite: the plugin `--class` names (by id or name; the first by
/// default) in a .clap file.
int runClapConformance(const Arguments& parsed, const std::filesystem::path& path,
                       const std::optional<EditorDrag>& drag) {
    using namespace conformance;
    const std::vector<std::pair<std::string, CheckResult (*)(ClapSuiteContext&)>> suite{
        {"descriptor", checkClapDescriptor}, {"ports", checkClapPorts},
        {"parameters", checkClapParameters}, {"state", checkClapState},
        {"bad-state", checkClapBadState},    {"lifecycle", checkClapLifecycle},
        {"automation", checkClapAutomation}, {"bad-input", checkClapBadInput},
        {"realtime", checkClapRealtime},     {"editor", checkClapEditor}};
    std::vector<std::string> names;
    for (const auto& check : suite) {
        names.push_back(check.first);
    }
    requireKnownChecks(names, parsed.values("skip"));
    if (parsed.has("expect-silence-flags")) {
        throw HostError(
            "--expect-silence-flags is for VST3 plugins (the CLAP suite has no tail check)");
    }

    // Before the plugin loads: toolkits may cache window-manager atoms on load.
    const xdisplay::VirtualDisplay display{false};
    const ClapModule module{path};
    std::string pluginId = module.descriptor().id;
    if (const auto wanted = parsed.value("class")) {
        const auto descriptors = module.descriptors();
        const auto found =
            std::find_if(descriptors.begin(), descriptors.end(), [&](const auto* descriptor) {
                return (descriptor->id != nullptr && *wanted == descriptor->id) ||
                       (descriptor->name != nullptr && *wanted == descriptor->name);
            });
        if (found == descriptors.end()) {
            throw HostError("--class: no plugin with the id or name '" + *wanted + "' in " +
                            utf8Of(module.path()));
        }
        pluginId = (*found)->id;
    }
    const std::filesystem::path output =
        pathFromUtf8(parsed.value("output").value_or("vstkit-host-test"));
    std::filesystem::create_directories(output);
    ClapSuiteContext context{module, pluginId, output, drag};
    const bool isolate = kIsolateByDefault && !parsed.has("in-process");
    std::printf("testing CLAP '%s' (%s) in %s (%s)\n", module.descriptor(pluginId).name,
                pluginId.c_str(), module.path().c_str(),
                isolate ? "each check in its own process" : "all checks in this process");
    std::vector<BoundCheck> checks;
    for (const auto& [name, run] : suite) {
        checks.push_back({name, [&context, run] { return run(context); }});
    }
    return runChecks(checks, parsed, isolate);
}
#endif

#if defined(_WIN32)
/// The child process of an isolated check on Windows: that check alone.
int answerIsolatedCheck(const std::vector<BoundCheck>& checks, const std::string& name) {
    const auto found = std::find_if(checks.begin(), checks.end(),
                                    [&](const BoundCheck& check) { return check.name == name; });
    if (found == checks.end()) {
        throw HostError("--isolated-check: there is no check named '" + name + "'");
    }
    return conformance::answerAsIsolatedChild([&] { return runGuarded(found->run); });
}
#endif

}  // namespace

int runConformance(std::span<const std::string_view> arguments) {
    const Arguments parsed{
        arguments,
        {"no-editor", "in-process", "expect-silence-flags"},
        {"output", "class", "drag-parameter", "drag-height", "isolated-check", "await-drag"},
        {"skip"}};
    using namespace conformance;
    std::optional<EditorDrag> drag;
    if (const auto parameter = parsed.value("drag-parameter")) {
        drag = EditorDrag{*parameter, 0.5};
        if (const auto height = parsed.value("drag-height")) {
            drag->heightFraction = Arguments::parseDouble("drag-height", *height, 0.0, 1.0);
        }
        if (const auto seconds = parsed.value("await-drag")) {
#if defined(_WIN32)
            drag->awaitSeconds =
                static_cast<int>(Arguments::parseDouble("await-drag", *seconds, 1.0, 600.0));
#else
            throw HostError(
                "--await-drag is for the Windows build (an outside XTest drag under Wine); "
                "on Linux the editor check drags through XTest itself");
#endif
        }
    } else if (parsed.value("drag-height") || parsed.value("await-drag")) {
        throw HostError("--drag-height and --await-drag need --drag-parameter");
    }
    const std::filesystem::path path = pathFromUtf8(parsed.onlyPositional("bundle"));
#if !defined(_WIN32)
    if (parsed.value("isolated-check")) {
        throw HostError("--isolated-check is the Windows build's own (Linux forks each check)");
    }
    if (isClapPath(path)) {
        return runClapConformance(parsed, path, drag);
    }
#endif

    const std::vector<std::pair<std::string, CheckResult (*)(SuiteContext&)>> suite{
        {"factory", checkFactory},
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
    std::vector<std::string> names;
    for (const auto& check : suite) {
        names.push_back(check.first);
    }
    requireKnownChecks(names, parsed.values("skip"));

#if !defined(_WIN32)
    // Before the plugin loads: toolkits may cache window-manager atoms on load.
    const xdisplay::VirtualDisplay display{false};
#endif
    const Module module{path};
    auto host = owned(new HostApplication);
    const std::filesystem::path output =
        pathFromUtf8(parsed.value("output").value_or("vstkit-host-test"));
    std::filesystem::create_directories(output);
    SuiteContext context{module, chooseAudioClass(module, parsed.value("class")),
                         *host,  output,
                         drag,   parsed.has("expect-silence-flags")};
    const bool isolate = kIsolateByDefault && !parsed.has("in-process");
    std::vector<BoundCheck> checks;
    for (const auto& [name, run] : suite) {
        checks.push_back({name, [&context, run] { return run(context); }});
    }
#if defined(_WIN32)
    if (const auto name = parsed.value("isolated-check")) {
        return answerIsolatedCheck(checks, *name);
    }
#endif
    std::printf("testing '%s' in %s (%s)\n", context.audioClass.name.c_str(),
                utf8Of(module.bundlePath()).c_str(),
                isolate ? "each check in its own process" : "all checks in this process");
    return runChecks(checks, parsed, isolate);
}

}  // namespace vstkit::host
