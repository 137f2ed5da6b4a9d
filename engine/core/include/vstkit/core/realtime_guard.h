#pragma once

// Wraps every call a host makes on the audio thread. In an rt-check build
// (VSTKIT_ASSERT_PROCESS_ALLOCS=ON) it aborts with the call's name and a
// backtrace on any allocation, lock, blocking call or I/O; otherwise it is an
// empty object the compiler removes.
#if defined(VSTKIT_ASSERT_PROCESS_ALLOCS) && VSTKIT_ASSERT_PROCESS_ALLOCS
#include "vstkit/rtcheck/realtime_scope.h"

namespace vstkit::core {
using RealtimeGuard = rtcheck::RealtimeScope;
}  // namespace vstkit::core
#else
namespace vstkit::core {
struct RealtimeGuard final {
    RealtimeGuard() noexcept {}
};
}  // namespace vstkit::core
#endif
