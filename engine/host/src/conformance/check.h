#pragma once

#include <filesystem>
#include <functional>
#include <optional>
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

/// An opt-in editor gesture for plugins whose layout the caller knows: drag
/// from the middle of the editor to a quarter of its width, at `heightFraction`
/// of its height, and expect begin/perform/end edits lowering `parameter`.
struct EditorDrag {
    std::string parameter;
    double heightFraction = 0.5;
    /// Windows only (--await-drag): instead of dragging itself, the check
    /// says on stderr where to drag, waits up to this long for someone
    /// else's drag (xdotool's XTest under Wine), then holds the editor 2 s
    /// for a screenshot. 0: the check drags.
    int awaitSeconds = 0;
};

/// What every check gets: the loaded bundle, the audio class under test, the
/// host, where to write files, and the opt-in extras.
struct SuiteContext {
    const Module& module;
    ClassDescription audioClass;
    HostApplication& host;
    std::filesystem::path outputDirectory;
    std::optional<EditorDrag> editorDrag;
    /// The tail check also expects the output flagged silent once the ring
    /// has ended (VST3 leaves flags optional; VstKit's plugins set them).
    bool expectSilenceFlags = false;
};

struct Check {
    std::string name;
    std::function<CheckResult(SuiteContext&)> run;
};

/// Classes, categories, names, class IDs, component and controller, buses.
CheckResult checkFactory(SuiteContext& context);
/// Every parameter's declaration and conversions, against what it declares.
CheckResult checkParameters(SuiteContext& context);
/// Save, change, restore in a new instance: the values and the sound come back.
CheckResult checkState(SuiteContext& context);
/// Empty, cut, random and huge state blobs change nothing and crash nothing.
CheckResult checkBadState(SuiteContext& context);
/// Setup, activation and processing in the orders hosts use.
CheckResult checkLifecycle(SuiteContext& context);
/// Every block length from 1 to the maximum, and 0-frame flushes.
CheckResult checkBlockSizes(SuiteContext& context);
/// Sample-offset automation of every parameter over its whole range.
CheckResult checkAutomation(SuiteContext& context);
/// NaN, infinities and denormals in the input.
CheckResult checkBadInput(SuiteContext& context);
/// A burst, then flagged-silent input: the declared tail covers the ring, and
/// output flagged silent is silent.
CheckResult checkTail(SuiteContext& context);
/// Allocations, locks, waits and I/O on the audio thread.
CheckResult checkRealtime(SuiteContext& context);
/// The X11 editor: embedding, drawing, run loop, resizing, open/close cycles.
CheckResult checkEditor(SuiteContext& context);

}  // namespace vstkit::host::conformance
