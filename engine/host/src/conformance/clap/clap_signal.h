#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "clap/clap_event_lists.h"
#include "clap/clap_instance.h"
#include "conformance/signal.h"

namespace vstkit::host::conformance {

/// Adds parameter events for the block of `frames` starting at startFrame.
using ClapEventsPlan =
    std::function<void(std::size_t startFrame, std::size_t frames, InputEventList& events)>;

/// The main output port of a CLAP run, and the calls that returned
/// CLAP_PROCESS_ERROR. output.failedCalls stays 0: errors are counted here.
struct ClapRun {
    RunOutput output;
    int errorCalls = 0;
    std::size_t firstErrorFrame = 0;
};

/// Plays the input into every channel of the main input port, out of place,
/// in 32-bit blocks of the plan's lengths (capped at the activation's
/// maximum), on an instance already activated, and returns what the main
/// output port gave. The instance's output events are cleared every block.
[[nodiscard]] ClapRun playClap(ClapInstance& instance, std::span<const float> input,
                               const BlockPlan& blocks, const ClapEventsPlan& events = {});

/// The first thing wrong with a run, as a sentence: a CLAP_PROCESS_ERROR,
/// a sample that is not finite, or one above kMaxOutputPeak.
[[nodiscard]] std::optional<std::string> runFault(const ClapRun& run);

}  // namespace vstkit::host::conformance
