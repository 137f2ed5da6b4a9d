#include <cmath>
#include <limits>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_signal.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"

namespace vstkit::host::conformance {

namespace {

constexpr double kRate = 48000.0;
constexpr std::size_t kBlock = 256;
constexpr std::size_t kCleanBlocksBefore = 8;
// How long clean input may take to wash a NaN or Inf out of the output.
constexpr std::size_t kRecoveryBlocks = static_cast<std::size_t>(kRate) / kBlock;

struct Poison {
    std::string name;
    std::vector<float> block;
    /// A finite input: the output must be finite from the start.
    bool finite;
};

std::vector<Poison> poisons() {
    const auto clean = sine(kRate, 997.0, kBlock);
    auto oneNan = clean;
    oneNan[kBlock / 2] = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> denormals(kBlock);
    for (std::size_t i = 0; i < kBlock; ++i) {
        denormals[i] = std::numeric_limits<float>::denorm_min() * static_cast<float>(1 + i % 100) *
                       (i % 2 == 0 ? 1.0F : -1.0F);
    }
    return {{"NaN", std::vector<float>(kBlock, std::numeric_limits<float>::quiet_NaN()), false},
            {"one NaN sample", oneNan, false},
            {"+Inf", std::vector<float>(kBlock, std::numeric_limits<float>::infinity()), false},
            {"-Inf", std::vector<float>(kBlock, -std::numeric_limits<float>::infinity()), false},
            {"denormal", denormals, true}};
}

bool allFinite(const RunOutput& output, std::size_t from, std::size_t to) {
    for (const auto& channel : output.channels) {
        for (std::size_t i = from; i < to && i < channel.size(); ++i) {
            if (!std::isfinite(channel[i])) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

CheckResult checkClapBadInput(ClapSuiteContext& context) {
    FaultList faults;
    ClapInstance instance{context.module, context.pluginId};
    std::string behaviour;
    for (const auto& poison : poisons()) {
        reportStep("playing " + poison.name + " input");
        // Clean, one poisoned block, then a second of clean input, from a
        // fresh activation each time.
        instance.start(kRate, kBlock);
        auto input = sine(kRate, 997.0, (kCleanBlocksBefore + 1 + kRecoveryBlocks) * kBlock);
        const std::size_t poisonStart = kCleanBlocksBefore * kBlock;
        std::copy(poison.block.begin(), poison.block.end(),
                  input.begin() + static_cast<long>(poisonStart));
        const auto run = playClap(instance, input, fixedBlocks(kBlock));
        const std::size_t poisonEnd = poisonStart + kBlock;
        if (run.errorCalls > 0) {
            faults.add(poison.name + " input: " + *runFault(run));
            continue;
        }
        const auto& output = run.output;
        if (poison.finite) {
            if (const auto fault = runFault(run)) {
                faults.add(poison.name + " input gives bad output: " + *fault);
            }
            continue;
        }
        const bool finiteDuring = allFinite(output, poisonStart, poisonEnd);
        // The block after the poison on: how long until the output is clean?
        std::optional<std::size_t> recoveredAfter;
        for (std::size_t block = 0; block < kRecoveryBlocks; ++block) {
            const std::size_t from = poisonEnd + block * kBlock;
            if (allFinite(output, from,
                          output.channels.empty() ? from : output.channels[0].size())) {
                recoveredAfter = block;
                break;
            }
        }
        if (!recoveredAfter) {
            faults.add("after a block of " + poison.name +
                       " input the output is still not finite a second of clean input later");
            continue;
        }
        behaviour +=
            (behaviour.empty() ? "" : "; ") + poison.name + ": " +
            (finiteDuring ? "finite output" : "passed through") +
            (*recoveredAfter == 0 ? ", clean on the next block"
                                  : ", clean after " + std::to_string(*recoveredAfter) + " blocks");
    }
    instance.deactivate();
    return faults.verdict(context.outputDirectory, "bad-input",
                          behaviour +
                              "; denormal input: finite output within +60 dBFS; never "
                              "CLAP_PROCESS_ERROR");
}

}  // namespace vstkit::host::conformance
