#include <random>

#include "bad_state_blobs.h"
#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "output_bounds.h"
#include "parameter_snapshot.h"
#include "parameter_traits.h"
#include "signal.h"
#include "vst3/memory_stream.h"
#include "vst3/plugin_instance.h"
#include "vst3/result_text.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr ProcessConfig kConfig{48000.0, 512};

/// Every writable parameter (programs aside) moved off what it holds now: to
/// the next value, or to a third one unlike both.
ParameterEdits editsAwayFromDefaults(const PluginInstance& instance,
                                     const std::vector<Vst::ParameterInfo>& parameters,
                                     bool third) {
    ParameterEdits edits;
    for (const auto& info : parameters) {
        if (isWritable(info) && (info.flags & Vst::ParameterInfo::kIsProgramChange) == 0) {
            const double initial = instance.controller().getParamNormalized(info.id);
            const double other = otherValue(info, initial);
            edits.emplace_back(info.id, third ? thirdValue(info, initial, other) : other);
        }
    }
    return edits;
}

}  // namespace

CheckResult checkBadState(SuiteContext& context) {
    FaultList faults;
    reportStep("saving a good state");
    PluginInstance instance{context.module, context.audioClass, context.host};
    instance.start(kConfig);
    const auto parameters = instance.parameters();
    // The cut blobs come from an instance holding a third set of values, so
    // a plugin that resets to its defaults on a bad blob cannot look as if
    // it loaded one whole.
    PluginInstance other{context.module, context.audioClass, context.host};
    other.start(kConfig);
    applyEdits(other, editsAwayFromDefaults(other, parameters, true));
    const ParameterValues otherValues = writableValues(other, parameters);
    const auto blobs = badBlobs(other.saveComponentState());

    applyEdits(instance, editsAwayFromDefaults(instance, parameters, false));
    const Bytes goodComponentState = instance.saveComponentState();
    const Bytes goodControllerState = instance.saveControllerState();
    const auto restoreGoodState = [&] {
        instance.loadComponentState(goodComponentState);
        if (!goodControllerState.empty()) {
            instance.loadControllerState(goodControllerState);
        }
    };
    // Some plugins save bytes that differ run to run; only stable ones can
    // be compared byte for byte.
    const bool stableState = instance.saveComponentState() == instance.saveComponentState();

    // Bad blobs go to the instance while it plays: hosts may load a state
    // during processing. Each starts from the good state and is judged
    // against what that gives, so one fault does not repeat for every blob.
    int componentRefused = 0;
    int controllerRefused = 0;
    int loadedWhole = 0;
    for (const auto& blob : blobs) {
        // As a DAW loads a component state: the component, then the controller.
        reportStep("loading " + blob.description + " as the component state");
        restoreGoodState();
        ParameterValues before = writableValues(instance, parameters);
        const Bytes bytesBefore = instance.saveComponentState();
        auto stream = owned(new MemoryStream(blob.bytes));
        const tresult setState = instance.component().setState(stream);
        componentRefused += setState != kResultOk ? 1 : 0;
        const bool savesOtherBytes = stableState && instance.saveComponentState() != bytesBefore;
        stream = owned(new MemoryStream(blob.bytes));
        const tresult setComponentState = instance.controller().setComponentState(stream);
        const std::string loading =
            "loading " + blob.description + " (component setState: " + resultText(setState) +
            ", controller setComponentState: " + resultText(setComponentState) + ")";
        if (blob.isCut && setState == kResultOk &&
            !changedValues(instance, parameters, otherValues)) {
            ++loadedWhole;
        } else if (const auto changed = changedValues(instance, parameters, before)) {
            faults.add(loading + " " + *changed +
                       (blob.isCut ? ": it applied part of a cut state" : ""));
        } else if (savesOtherBytes) {
            faults.add(loading + " changed the state the component saves");
        }
        reportStep("playing after loading " + blob.description);
        instance.start(kConfig);
        const auto output = play(instance, sine(kConfig.sampleRate, 997.0, 4096),
                                 fixedBlocks(static_cast<std::size_t>(kConfig.maxBlockFrames)));
        if (const auto fault = outputFault(output)) {
            faults.add("after " + loading + ", " + *fault);
        }

        reportStep("loading " + blob.description + " as the controller state");
        restoreGoodState();
        before = writableValues(instance, parameters);
        const tresult controllerResult = instance.loadControllerState(blob.bytes);
        controllerRefused += controllerResult != kResultOk ? 1 : 0;
        if (const auto changed = changedValues(instance, parameters, before)) {
            faults.add("controller setState(" + blob.description + ") returned " +
                       resultText(controllerResult) + " and " + *changed);
        }
    }
    return faults.verdict(
        context, "bad-state",
        std::to_string(blobs.size()) +
            " bad blobs (empty, cut, random, 16 MiB) loaded while playing changed nothing" +
            (loadedWhole > 0 ? " (" + std::to_string(loadedWhole) +
                                   " cut state still whole to its format was loaded whole)"
                             : std::string{}) +
            "; refused by the component " + std::to_string(componentRefused) +
            ", by the controller " + std::to_string(controllerRefused));
}

}  // namespace vstkit::host::conformance
