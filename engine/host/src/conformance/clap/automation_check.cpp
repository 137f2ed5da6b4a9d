#include <cmath>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "clap_signal.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"

namespace vstkit::host::conformance {

namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kBlock = 128;
constexpr std::uint32_t kEventOffset = 37;
/// Blocks played before the one with the event, so filters and smoothers settle.
constexpr std::size_t kWarmUpBlocks = 8;
/// Blocks after it, before the value is read back: 2 s, long enough to hear
/// a parameter that acts only through a delay line (an echo's time or
/// feedback) change the output at all.
constexpr std::size_t kAfterBlocks = 750;

/// A DC offset under a sine, at a moderate level: a gain changes every
/// sample of it and a filter its tone and its DC alike.
std::vector<float> steadySignal() {
    auto signal = sine(kRate, 997.0, (kWarmUpBlocks + 1 + kAfterBlocks) * kBlock, 0.25F);
    for (float& sample : signal) {
        sample += 0.25F;
    }
    return signal;
}

struct Render {
    ClapRun run;
    std::optional<double> valueAfter;
};

/// A fresh instance plays the steady signal; with `target`, one param value
/// event at kEventOffset in the block after the warm-up.
Render render(const ClapSuiteContext& context, const clap_abi::ParamInfo& info,
              std::optional<double> target) {
    ClapInstance instance{context.module, context.pluginId};
    instance.start(kRate, kBlock);
    const std::size_t eventBlockStart = kWarmUpBlocks * kBlock;
    Render result;
    result.run = playClap(instance, steadySignal(), fixedBlocks(kBlock),
                          [&](std::size_t start, std::size_t, InputEventList& events) {
                              if (target && start == eventBlockStart) {
                                  events.addParamValue(info.id, kEventOffset, *target,
                                                       instance.cookieOf(info.id));
                              }
                          });
    result.valueAfter = instance.value(info.id);
    return result;
}

/// The same run cut to the event's block.
RunOutput eventBlock(const RunOutput& output) {
    RunOutput block;
    const auto start = static_cast<long>(kWarmUpBlocks * kBlock);
    for (const auto& channel : output.channels) {
        block.channels.emplace_back(channel.begin() + start,
                                    channel.begin() + start + static_cast<long>(kBlock));
    }
    block.blockStarts = {0};
    return block;
}

/// Which parameters were placed at their sample, and which act only later
/// (through a delay line), so their effect cannot be placed.
struct Placement {
    std::string exact;
    std::string delayed;
};

/// One parameter: silent before the event's offset, audible from it (or,
/// for one that acts only through a delay line, later but never before),
/// and the value reads back. A fault sentence, or nothing.
std::optional<std::string> automateOne(const ClapSuiteContext& context,
                                       const clap_abi::ParamInfo& info, Placement& placement) {
    const std::string name = nameOf(info);
    const double from = info.defaultValue;
    const double target = farValue(info, from);
    const std::string event = "a param value event " + formatDouble(from, 3) + " -> " +
                              formatDouble(target, 3) + " at offset " +
                              std::to_string(kEventOffset) + " of a " + std::to_string(kBlock) +
                              "-frame block";
    const Render without = render(context, info, std::nullopt);
    const Render with = render(context, info, target);
    for (const auto* run : {&without.run, &with.run}) {
        if (const auto fault = runFault(*run)) {
            return name + ": " + *fault;
        }
    }
    const RunOutput before = eventBlock(without.run.output);
    const RunOutput after = eventBlock(with.run.output);
    // The warm-up blocks must match too, or nothing can be compared.
    if (const auto frame = firstDifference(without.run.output, with.run.output);
        frame && *frame < kWarmUpBlocks * kBlock) {
        const Render again = render(context, info, std::nullopt);
        return name + ": two renders without any event differ at frame " +
               std::to_string(*firstDifference(without.run.output, again.run.output)) +
               ": the plugin does not render alike twice";
    }
    const auto difference = firstDifference(before, after);
    if (!difference) {
        const auto later = firstDifference(without.run.output, with.run.output);
        if (!later) {
            return name + ": " + event + " changes nothing in the " +
                   std::to_string(kAfterBlocks + 1) + " blocks from it (output bit-identical)";
        }
        if (!with.valueAfter || !sameValue(info, *with.valueAfter, target)) {
            return name + ": get_value does not report the event's value after it";
        }
        placement.delayed += (placement.delayed.empty() ? "" : ", ") + std::string{info.name} +
                             " from frame " + std::to_string(*later - kWarmUpBlocks * kBlock);
        return std::nullopt;
    }
    if (*difference < kEventOffset) {
        return name + ": " + event + " already changes output sample " +
               std::to_string(*difference) + ": the event acts before its time";
    }
    if (*difference > kEventOffset) {
        return name + ": " + event + " changes the output only from sample " +
               std::to_string(*difference) + ", " + std::to_string(*difference - kEventOffset) +
               " late: not sample-accurate";
    }
    if (!with.valueAfter) {
        return name + ": get_value fails after the event";
    }
    if (!sameValue(info, *with.valueAfter, target) &&
        std::abs(*with.valueAfter - target) > 1e-4 * (info.maxValue - info.minValue)) {
        return name + ": " + std::to_string(kAfterBlocks) + " blocks after " + event +
               ", get_value reports " + formatDouble(*with.valueAfter, 6);
    }
    placement.exact += (placement.exact.empty() ? "" : ", ") + std::string{info.name};
    return std::nullopt;
}

}  // namespace

CheckResult checkClapAutomation(ClapSuiteContext& context) {
    FaultList faults;
    std::vector<clap_abi::ParamInfo> automatable;
    {
        const ClapInstance instance{context.module, context.pluginId};
        for (const auto& info : instance.parameters()) {
            if (isAutomatable(info) && !isBypass(info)) {
                automatable.push_back(info);
            }
        }
    }
    if (automatable.empty()) {
        return CheckResult::skip("the plugin has no automatable parameter besides a bypass");
    }
    Placement placement;
    for (const auto& info : automatable) {
        reportStep("automating " + nameOf(info));
        if (const auto fault = automateOne(context, info, placement)) {
            faults.add(*fault);
        }
    }
    if (faults.empty() && placement.exact.empty()) {
        faults.add(
            "no parameter's event changed the output at its own sample: sample accuracy "
            "is not shown for any (acting only later: " +
            placement.delayed + ")");
    }
    std::string summary = std::to_string(automatable.size()) + " automatable parameters (" +
                          placement.exact + "): an event at offset " +
                          std::to_string(kEventOffset) + " of " + std::to_string(kBlock) +
                          " leaves samples 0-36 bit-identical, changes sample 37 on, and "
                          "get_value then reports the new value";
    if (!placement.delayed.empty()) {
        summary += "; acting only later (as through a delay), never before the event: " +
                   placement.delayed;
    }
    return faults.verdict(context.outputDirectory, "automation", summary);
}

}  // namespace vstkit::host::conformance
