#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "clap/clap_module.h"
#include "conformance/check.h"

namespace vstkit::host::conformance {

/// What every CLAP check gets: the loaded module, the plugin under test,
/// where to write files, and the opt-in editor drag.
struct ClapSuiteContext {
    const ClapModule& module;
    std::string pluginId;
    std::filesystem::path outputDirectory;
    std::optional<EditorDrag> editorDrag;
};

/// The entry, the factory and the descriptor; create_plugin and init.
CheckResult checkClapDescriptor(ClapSuiteContext& context);
/// audio-ports, and audio-ports-config when offered.
CheckResult checkClapPorts(ClapSuiteContext& context);
/// Every parameter's info, value and text conversions; bad ids and text.
CheckResult checkClapParameters(ClapSuiteContext& context);
/// Save, change, restore in a new instance: the values and the sound come back.
CheckResult checkClapState(ClapSuiteContext& context);
/// Empty, cut, random and huge states are refused and change nothing.
CheckResult checkClapBadState(ClapSuiteContext& context);
/// Activation, processing, re-activation, 0-frame blocks and reset.
CheckResult checkClapLifecycle(ClapSuiteContext& context);
/// A parameter event at offset 37 acts from sample 37, not before.
CheckResult checkClapAutomation(ClapSuiteContext& context);
/// NaN, infinities and denormals in the input.
CheckResult checkClapBadInput(ClapSuiteContext& context);
/// Allocations, locks, waits and I/O in process() and flush() on the audio thread.
CheckResult checkClapRealtime(ClapSuiteContext& context);
/// The X11 editor: embedding, drawing, host loop, gestures, create/destroy cycles.
CheckResult checkClapEditor(ClapSuiteContext& context);

}  // namespace vstkit::host::conformance
