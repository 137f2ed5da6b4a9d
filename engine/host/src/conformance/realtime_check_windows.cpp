// The real-time check on Windows. Its guard interposes malloc, pthread and
// the system calls of Linux's C library (engine/rtcheck); Windows has no such
// seam here, so the check says so instead of passing. The processing code in
// a Windows module is the same source the Linux guard proves.
#include "check.h"

namespace vstkit::host::conformance {

CheckResult checkRealtime(SuiteContext& /*context*/) {
    return CheckResult::skip(
        "not checked on Windows: the allocation and lock guard is Linux-only; the Linux build "
        "of the same processing code passes it");
}

}  // namespace vstkit::host::conformance
