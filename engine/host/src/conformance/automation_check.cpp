#include <algorithm>
#include <cmath>
#include <random>

#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "output_bounds.h"
#include "parameter_traits.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kMaxBlock = 512;
constexpr std::size_t kSweepFrames = static_cast<std::size_t>(kRate / 2);

/// A lane that goes 0 -> 1 -> 0 over the run, with a jump to an end every
/// 8th block: the whole range, slowly and at once.
double laneValue(std::size_t frame, std::size_t blockIndex) {
    if (blockIndex % 8 == 7) {
        return (blockIndex / 8) % 2 == 0 ? 1.0 : 0.0;
    }
    const double position = static_cast<double>(frame) / static_cast<double>(kSweepFrames);
    return 1.0 - std::abs(2.0 * position - 1.0);
}

/// Points at varying offsets in a block: its start, somewhere inside, its end.
std::vector<std::size_t> pointOffsets(std::size_t frames, std::mt19937& random) {
    std::vector<std::size_t> offsets{0};
    if (frames > 2) {
        offsets.push_back(std::uniform_int_distribution<std::size_t>{1, frames - 2}(random));
    }
    if (frames > 1) {
        offsets.push_back(frames - 1);
    }
    return offsets;
}

/// Automates the given parameters over a run and returns it.
RunOutput automate(PluginInstance& instance, const std::vector<Vst::ParameterInfo>& lanes,
                   unsigned seed) {
    instance.start({kRate, static_cast<int32>(kMaxBlock)});
    std::mt19937 random{seed};
    std::size_t blockIndex = 0;
    const auto output =
        play(instance, sine(kRate, 997.0, kSweepFrames), randomBlocks(kMaxBlock, seed),
             [&](std::size_t start, std::size_t frames, ParameterChanges& changes) {
                 for (const auto& info : lanes) {
                     for (const std::size_t offset : pointOffsets(frames, random)) {
                         changes.add(info.id, static_cast<int32>(offset),
                                     laneValue(start + offset, blockIndex));
                     }
                 }
                 ++blockIndex;
             });
    // Back to the defaults for the next run.
    std::vector<std::pair<Vst::ParamID, double>> defaults;
    for (const auto& info : lanes) {
        defaults.emplace_back(info.id, info.defaultNormalizedValue);
    }
    instance.setBeforePlayback(defaults);
    return output;
}

/// A NaN, an infinity or a failed call in a run; the level is not judged.
std::optional<std::string> nonFiniteFault(RunOutput output) {
    for (auto& channel : output.channels) {
        for (double& sample : channel) {
            sample = std::isfinite(sample) ? 0.0 : sample;
        }
    }
    return outputFault(output);
}

}  // namespace

CheckResult checkAutomation(SuiteContext& context) {
    FaultList faults;
    PluginInstance instance{context.module, context.audioClass, context.host};
    instance.start({kRate, static_cast<int32>(kMaxBlock)});
    std::vector<Vst::ParameterInfo> automatable;
    for (const auto& info : instance.parameters()) {
        if (isAutomatable(info)) {
            automatable.push_back(info);
        }
    }
    if (automatable.empty()) {
        return CheckResult::skip("the plugin has no automatable parameter");
    }
    unsigned seed = 1;
    for (const auto& info : automatable) {
        reportStep("automating " + nameOf(info));
        if (const auto fault = outputFault(automate(instance, {info}, seed++))) {
            faults.add("automating " + nameOf(info) + " over its whole range: " + *fault);
        }
    }
    // All at once, every boost of an EQ may stack at once: no level bound
    // holds for any plugin, so only a NaN, an infinity or a failure counts.
    reportStep("automating every parameter at once");
    if (const auto fault = nonFiniteFault(automate(instance, automatable, seed))) {
        faults.add("automating all " + std::to_string(automatable.size()) +
                   " parameters at once: " + *fault);
    }
    return faults.verdict(
        context, "automation",
        std::to_string(automatable.size()) +
            " automatable parameters, 3 points per block (start, inside, end) sweeping 0-1-0 "
            "with jumps, random blocks up to " +
            std::to_string(kMaxBlock) + ": each alone within +60 dBFS, all at once finite");
}

}  // namespace vstkit::host::conformance
