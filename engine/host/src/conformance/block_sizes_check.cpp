#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "output_bounds.h"
#include "parameter_traits.h"
#include "signal.h"
#include "vst3/plugin_instance.h"
#include "vst3/result_text.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kMaxBlock = 1024;
// Every 16th call is a 0-frame one carrying only parameter changes.
constexpr std::size_t kZeroFrameEvery = 16;

/// Sets every automatable parameter to its current value: a change that
/// changes nothing, so that only the 0-frame call itself is on trial.
void addCurrentValues(const PluginInstance& instance,
                      const std::vector<Vst::ParameterInfo>& parameters,
                      ParameterChanges& changes) {
    for (const auto& info : parameters) {
        if (isAutomatable(info)) {
            changes.add(info.id, 0, instance.controller().getParamNormalized(info.id));
        }
    }
}

}  // namespace

CheckResult checkBlockSizes(SuiteContext& context) {
    FaultList faults;
    PluginInstance instance{context.module, context.audioClass, context.host};
    instance.start({kRate, static_cast<int32>(kMaxBlock)});
    const auto parameters = instance.parameters();

    // 1, 2, ... kMaxBlock frames in a row, with 0-frame calls between.
    std::size_t totalFrames = 0;
    for (std::size_t frames = 1; frames <= kMaxBlock; ++frames) {
        totalFrames += frames;
    }
    std::size_t zeroFrameCalls = 0;
    std::size_t audioBlocks = 0;
    const BlockPlan growing = [&](std::size_t blockIndex) -> std::size_t {
        if (blockIndex % kZeroFrameEvery == kZeroFrameEvery - 1) {
            ++zeroFrameCalls;
            return 0;
        }
        return ++audioBlocks;
    };
    reportStep("playing every block length from 1 to " + std::to_string(kMaxBlock));
    const auto input = sine(kRate, 997.0, totalFrames);
    const auto grown = play(instance, input, growing,
                            [&](std::size_t, std::size_t frames, ParameterChanges& changes) {
                                if (frames == 0) {
                                    addCurrentValues(instance, parameters, changes);
                                }
                            });
    if (const auto fault = outputFault(grown)) {
        faults.add("blocks of 1 to " + std::to_string(kMaxBlock) + " frames: " + *fault);
    }

    reportStep("playing random block lengths");
    instance.start({kRate, static_cast<int32>(kMaxBlock)});
    const auto random = play(instance, sine(kRate, 997.0, static_cast<std::size_t>(kRate) * 2),
                             randomBlocks(kMaxBlock, 5));
    if (const auto fault = outputFault(random)) {
        faults.add("random blocks of 1 to " + std::to_string(kMaxBlock) + " frames: " + *fault);
    }

    // The documented flush: no samples and no audio buses at all.
    reportStep("flushing parameters with no audio buses");
    auto changes = owned(new ParameterChanges(parameters.size()));
    addCurrentValues(instance, parameters, *changes);
    if (const tresult result = instance.flushParameters(changes); result != kResultOk) {
        faults.add("a parameter flush (process() with 0 samples and no buses) returns " +
                   resultText(result));
    }
    const auto afterFlush = play(instance, sine(kRate, 997.0, 4096), fixedBlocks(256));
    if (const auto fault = outputFault(afterFlush)) {
        faults.add("after a parameter flush: " + *fault);
    }
    return faults.verdict(context, "blocks",
                          "every block length 1-" + std::to_string(kMaxBlock) + " (" +
                              std::to_string(totalFrames) + " frames) with " +
                              std::to_string(zeroFrameCalls) +
                              " 0-frame calls between, 2 s of random lengths and a bus-less "
                              "flush: output finite and within +60 dBFS");
}

}  // namespace vstkit::host::conformance
