#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "check.h"

namespace vstkit::host::conformance {

/// Runs a check in a child process, so that a plugin that crashes, aborts
/// or hangs fails that check alone, with the step it was in, and the suite
/// goes on. On Linux the child is forked and inherits the loaded module (it
/// never returns); Windows cannot fork, so there the child is this program
/// started again on the same arguments plus `--isolated-check NAME`, which
/// answers with answerAsIsolatedChild() (isolated_run_win32.cpp).
[[nodiscard]] CheckResult runIsolated(std::string_view checkName,
                                      const std::function<CheckResult()>& check,
                                      std::chrono::seconds timeout);

#if defined(_WIN32)
/// The child's side on Windows: runs the check and writes its steps and
/// result to standard output for the parent. Returns the exit code.
int answerAsIsolatedChild(const std::function<CheckResult()>& check);
#endif

/// Names what a check is doing now ("loading a 16 MiB random state"), so a
/// crash or hang can say where it happened. Cheap; a no-op outside a child.
void reportStep(std::string_view step);

}  // namespace vstkit::host::conformance
