#pragma once

#include <optional>
#include <string>

#include "signal.h"

namespace vstkit::host::conformance {

/// "Bounded" output: no sample above +60 dBFS while the input peaks at
/// -6 dBFS (kTestLevel). 66 dB of gain is more than any sane setting of an
/// effect gives, and far less than a blown-up filter or feedback loop.
inline constexpr double kMaxOutputPeak = 1000.0;

/// The first thing wrong with a run's output, as a sentence: a process()
/// call that failed, a sample that is not finite, or one above
/// kMaxOutputPeak. Empty when the output is fine.
[[nodiscard]] std::optional<std::string> outputFault(const RunOutput& output);

/// The largest absolute sample of a run (of its finite samples).
[[nodiscard]] double peakOf(const RunOutput& output);

}  // namespace vstkit::host::conformance
