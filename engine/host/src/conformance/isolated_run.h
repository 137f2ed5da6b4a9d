#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "check.h"

namespace vstkit::host::conformance {

/// Runs a check in a forked child process, so that a plugin that crashes,
/// aborts or hangs fails that check alone, with the step it was in, and the
/// suite goes on. The child inherits the loaded module; it never returns.
[[nodiscard]] CheckResult runIsolated(const std::function<CheckResult()>& check,
                                      std::chrono::seconds timeout);

/// Names what a check is doing now ("loading a 16 MiB random state"), so a
/// crash or hang can say where it happened. Cheap; a no-op outside a child.
void reportStep(std::string_view step);

}  // namespace vstkit::host::conformance
