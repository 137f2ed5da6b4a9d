#pragma once

// The scope every processBlock runs in. In an rt-check build
// (VSTKIT_ASSERT_PROCESS_ALLOCS=ON) it aborts on any allocation or blocking
// lock on the audio thread; otherwise it is an empty object the compiler
// removes.
#if VSTKIT_ASSERT_PROCESS_ALLOCS
#include "vstkit/rtcheck/realtime_scope.h"

namespace vstkit::plugin {
using ProcessGuard = rtcheck::RealtimeScope;
}  // namespace vstkit::plugin
#else
namespace vstkit::plugin {
struct ProcessGuard final {
    ProcessGuard() noexcept {}
};
}  // namespace vstkit::plugin
#endif
