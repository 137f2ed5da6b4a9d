#pragma once

#include <string>

#include "fault_list.h"
#include "signal.h"

namespace vstkit::host::conformance {

/// The state check's audio verdict, for any format: a plugin that renders
/// the same twice from a fresh activation must render the same again after
/// its state was restored into a new instance. Adds a fault when it does
/// not; returns the summary's words otherwise.
[[nodiscard]] std::string compareRestoredAudio(const RunOutput& first, const RunOutput& again,
                                               const RunOutput& restored, FaultList& faults);

}  // namespace vstkit::host::conformance
