#include <cmath>
#include <limits>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_signal.h"
#include "conformance/bad_input_signals.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"

namespace vstkit::host::conformance {

namespace {

using namespace bad_input;  // The signals every format gets.

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
