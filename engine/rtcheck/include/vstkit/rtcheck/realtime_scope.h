#pragma once

#include <cstdint>
#include <string_view>

namespace vstkit::rtcheck {

/// The calls a real-time thread must never make.
enum class Call : std::uint8_t {
    Malloc,
    Calloc,
    Realloc,
    Free,
    AlignedAlloc,
    OperatorNew,
    OperatorDelete,
    MutexLock,
};

[[nodiscard]] std::string_view describe(Call call) noexcept;

/// What a forbidden call inside a RealtimeScope does.
enum class Policy : std::uint8_t {
    /// Print the call and a backtrace to stderr, then abort(). The default.
    Abort,
    /// Count it (see countOf) and carry on. For hosts that measure plugins.
    Count,
};

/// Marks the current thread as real-time for the scope's lifetime. Scopes
/// nest. While one is active, every call in Call made on this thread (by any
/// code linked to the interposers, see interposers.cpp) is a violation.
class RealtimeScope final {
  public:
    RealtimeScope() noexcept;
    ~RealtimeScope();

    RealtimeScope(const RealtimeScope&) = delete;
    RealtimeScope& operator=(const RealtimeScope&) = delete;
    RealtimeScope(RealtimeScope&&) = delete;
    RealtimeScope& operator=(RealtimeScope&&) = delete;
};

/// Suspends checking on this thread for a scope, e.g. around a deliberate,
/// documented exception such as a sanitizer's own bookkeeping.
class NonRealtimeScope final {
  public:
    NonRealtimeScope() noexcept;
    ~NonRealtimeScope();

    NonRealtimeScope(const NonRealtimeScope&) = delete;
    NonRealtimeScope& operator=(const NonRealtimeScope&) = delete;
    NonRealtimeScope(NonRealtimeScope&&) = delete;
    NonRealtimeScope& operator=(NonRealtimeScope&&) = delete;
};

[[nodiscard]] bool inRealtimeScope() noexcept;

void setPolicy(Policy policy) noexcept;

/// Violations counted under Policy::Count since the last resetCounts().
[[nodiscard]] std::uint64_t countOf(Call call) noexcept;
[[nodiscard]] std::uint64_t totalCount() noexcept;
void resetCounts() noexcept;

/// True when the interposers are linked in and active (they are left out of
/// sanitizer builds, whose runtimes own malloc).
[[nodiscard]] bool interposersActive() noexcept;

/// Called by the interposers; reports one forbidden call per the policy.
void reportViolation(Call call) noexcept;

}  // namespace vstkit::rtcheck
