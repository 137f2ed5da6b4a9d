#include <filesystem>
#include <fstream>

#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "parameter_snapshot.h"
#include "parameter_traits.h"
#include "restored_audio.h"
#include "signal.h"
#include "vst3/plugin_instance.h"
#include "vst3/result_text.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr ProcessConfig kConfig{48000.0, 512};

void writeFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream file{path, std::ios::binary};
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

/// A quarter second of a sine from a fresh activation.
RunOutput renderFromStart(PluginInstance& instance) {
    instance.start(kConfig);
    return play(instance,
                sine(kConfig.sampleRate, 1000.0, static_cast<std::size_t>(kConfig.sampleRate / 4)),
                fixedBlocks(static_cast<std::size_t>(kConfig.maxBlockFrames)));
}

}  // namespace

CheckResult checkState(SuiteContext& context) {
    FaultList faults;
    reportStep("setting every writable parameter on a playing instance");
    PluginInstance original{context.module, context.audioClass, context.host};
    original.start(kConfig);
    const auto parameters = original.parameters();
    // Everything a user can set, set to another value. Program changes are
    // left alone: loading a program would set the others behind our back.
    ParameterEdits edits;
    for (const auto& info : parameters) {
        if (isWritable(info) && (info.flags & Vst::ParameterInfo::kIsProgramChange) == 0) {
            edits.emplace_back(info.id,
                               otherValue(info, original.controller().getParamNormalized(info.id)));
        }
    }
    applyEdits(original, edits);
    const ParameterValues saved = writableValues(original, parameters);
    reportStep("saving the component and controller state");
    const auto componentState = original.saveComponentState();
    const auto controllerState = original.saveControllerState();
    // Kept for whoever debugs a fault below.
    writeFile(context.outputDirectory / "component-state.bin", componentState);
    writeFile(context.outputDirectory / "controller-state.bin", controllerState);

    // As a DAW opens a session: a new instance, the component's state (also
    // handed to the controller), then the controller's own.
    reportStep("loading the saved state into a new instance");
    PluginInstance restored{context.module, context.audioClass, context.host};
    if (const tresult result = restored.loadComponentState(componentState); result != kResultOk) {
        faults.add("the component refuses its own saved state (" +
                   std::to_string(componentState.size()) + " bytes): " + resultText(result));
    }
    if (!controllerState.empty()) {
        if (const tresult result = restored.loadControllerState(controllerState);
            result != kResultOk) {
            faults.add("the controller refuses its own saved state (" +
                       std::to_string(controllerState.size()) + " bytes): " + resultText(result));
        }
    }
    for (const auto& info : parameters) {
        const auto found = saved.find(info.id);
        const double now = restored.controller().getParamNormalized(info.id);
        if (found != saved.end() && !sameValue(info, now, found->second)) {
            faults.add(nameOf(info) + " was " + formatDouble(found->second, 6) +
                       " when the state was saved, but a new instance loading it holds " +
                       formatDouble(now, 6));
        }
    }

    reportStep("rendering the original and the restored instance");
    const RunOutput first = renderFromStart(original);
    const RunOutput second = renderFromStart(original);
    const RunOutput fromRestored = renderFromStart(restored);
    const std::string audio = compareRestoredAudio(first, second, fromRestored, faults);
    return faults.verdict(context, "state",
                          std::to_string(edits.size()) + " changed values came back through a " +
                              std::to_string(componentState.size()) + "-byte component and " +
                              std::to_string(controllerState.size()) + "-byte controller state; " +
                              audio);
}

}  // namespace vstkit::host::conformance
