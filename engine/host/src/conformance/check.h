#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "vst3/host_application.h"
#include "vst3/module.h"

namespace vstkit::host::conformance {

struct CheckResult {
    enum class Verdict { Pass, Fail, Skip };
    Verdict verdict = Verdict::Pass;
    std::string detail;

    static CheckResult pass(std::string detail) { return {Verdict::Pass, std::move(detail)}; }
    static CheckResult fail(std::string detail) { return {Verdict::Fail, std::move(detail)}; }
    static CheckResult skip(std::string detail) { return {Verdict::Skip, std::move(detail)}; }
};

/// What every check gets: the loaded bundle, the host, where to write files.
struct SuiteContext {
    const Module& module;
    HostApplication& host;
    std::filesystem::path outputDirectory;
};

struct Check {
    std::string name;
    std::function<CheckResult(SuiteContext&)> run;
};

CheckResult checkFactory(SuiteContext& context);
CheckResult checkParameters(SuiteContext& context);
CheckResult checkAudio(SuiteContext& context);
CheckResult checkAutomation(SuiteContext& context);
CheckResult checkState(SuiteContext& context);
CheckResult checkLifecycle(SuiteContext& context);
CheckResult checkBadInput(SuiteContext& context);
CheckResult checkRealtime(SuiteContext& context);
CheckResult checkEditor(SuiteContext& context);

}  // namespace vstkit::host::conformance
