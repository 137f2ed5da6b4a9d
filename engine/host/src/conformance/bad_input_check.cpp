#include <cmath>
#include <limits>

#include "bad_input_signals.h"
#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "output_bounds.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

using namespace bad_input;  // The signals every format gets.

}  // namespace

CheckResult checkBadInput(SuiteContext& context) {
    FaultList faults;
    PluginInstance instance{context.module, context.audioClass, context.host};
    std::string behaviour;
    for (const auto& poison : poisons()) {
        reportStep("playing " + poison.name + " input");
        // Clean, one poisoned block, then a second of clean input.
        instance.start({kRate, static_cast<int32>(kBlock)});
        auto input = sine(kRate, 997.0, (kCleanBlocksBefore + 1 + kRecoveryBlocks) * kBlock);
        const std::size_t poisonStart = kCleanBlocksBefore * kBlock;
        std::copy(poison.block.begin(), poison.block.end(),
                  input.begin() + static_cast<long>(poisonStart));
        const auto output = play(instance, input, fixedBlocks(kBlock));
        const std::size_t poisonEnd = poisonStart + kBlock;
        if (output.failedCalls > 0) {
            faults.add(poison.name + " input: " + *outputFault(output));
            continue;
        }
        const bool finiteDuring = allFinite(output, poisonStart, poisonEnd);
        if (poison.finite) {
            if (const auto fault = outputFault(output)) {
                faults.add(poison.name + " input gives bad output: " + *fault);
            }
            continue;
        }
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
    return faults.verdict(context, "bad-input",
                          behaviour + "; denormal input: finite output within +60 dBFS");
}

}  // namespace vstkit::host::conformance
