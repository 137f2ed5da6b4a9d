#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vstkit::rtcheck {

/// The calls a real-time thread must never make. Each is counted under its
/// own enumerator; categoryOf() groups them. New enumerators are appended so
/// the existing ones keep their values.
enum class Call : std::uint8_t {
    // Allocation and deallocation.
    Malloc,
    Calloc,
    Realloc,
    Free,
    AlignedAlloc,  ///< posix_memalign, aligned_alloc, memalign.
    OperatorNew,
    OperatorDelete,
    // Locks: acquiring one waits for whichever thread holds it.
    MutexLock,         ///< pthread_mutex_lock (std::mutex::lock).
    MutexTimedLock,    ///< pthread_mutex_timedlock, pthread_mutex_clocklock.
    RwLockRead,        ///< pthread_rwlock_rdlock (std::shared_mutex::lock_shared).
    RwLockWrite,       ///< pthread_rwlock_wrlock (std::shared_mutex::lock).
    RwLockTimedRead,   ///< pthread_rwlock_timedrdlock, pthread_rwlock_clockrdlock.
    RwLockTimedWrite,  ///< pthread_rwlock_timedwrlock, pthread_rwlock_clockwrlock.
    // Waits and sleeps: they block by design.
    SemWait,         ///< sem_wait.
    SemTimedWait,    ///< sem_timedwait, sem_clockwait.
    CondWait,        ///< pthread_cond_wait (std::condition_variable::wait).
    CondTimedWait,   ///< pthread_cond_timedwait, pthread_cond_clockwait (wait_for/until).
    Nanosleep,       ///< nanosleep (std::this_thread::sleep_for).
    ClockNanosleep,  ///< clock_nanosleep.
    Usleep,          ///< usleep.
    Sleep,           ///< sleep.
    // I/O on a file descriptor (file, pipe, socket, terminal).
    Write,  ///< write.
    Read,   ///< read (and __read_chk, its _FORTIFY_SOURCE form).
};

/// Number of Call enumerators: Call values are 0 .. kCallCount - 1.
inline constexpr std::size_t kCallCount = static_cast<std::size_t>(Call::Read) + 1;

/// The function(s) behind a call, e.g. "pthread_rwlock_rdlock (a blocking
/// read lock)". Used in the Policy::Abort report.
[[nodiscard]] std::string_view describe(Call call) noexcept;

/// What kind of trouble a call is, for hosts that report totals, e.g.
/// `countOf(Category::Lock)` for every lock taken on the audio thread.
enum class Category : std::uint8_t {
    Allocation,  ///< Malloc, Calloc, Realloc, AlignedAlloc, OperatorNew.
    Free,        ///< Free, OperatorDelete.
    Lock,        ///< MutexLock, MutexTimedLock, RwLock*.
    Blocking,    ///< Waits and sleeps: SemWait, SemTimedWait, CondWait, CondTimedWait,
                 ///< Nanosleep, ClockNanosleep, Usleep, Sleep.
    Io,          ///< Write, Read.
};

inline constexpr std::size_t kCategoryCount = static_cast<std::size_t>(Category::Io) + 1;

[[nodiscard]] constexpr Category categoryOf(Call call) noexcept {
    switch (call) {
        case Call::Malloc:
        case Call::Calloc:
        case Call::Realloc:
        case Call::AlignedAlloc:
        case Call::OperatorNew:
            return Category::Allocation;
        case Call::Free:
        case Call::OperatorDelete:
            return Category::Free;
        case Call::MutexLock:
        case Call::MutexTimedLock:
        case Call::RwLockRead:
        case Call::RwLockWrite:
        case Call::RwLockTimedRead:
        case Call::RwLockTimedWrite:
            return Category::Lock;
        case Call::SemWait:
        case Call::SemTimedWait:
        case Call::CondWait:
        case Call::CondTimedWait:
        case Call::Nanosleep:
        case Call::ClockNanosleep:
        case Call::Usleep:
        case Call::Sleep:
            return Category::Blocking;
        case Call::Write:
        case Call::Read:
            return Category::Io;
    }
    return Category::Blocking;
}

[[nodiscard]] constexpr bool isAllocation(Call call) noexcept {
    return categoryOf(call) == Category::Allocation;
}
[[nodiscard]] constexpr bool isFree(Call call) noexcept {
    return categoryOf(call) == Category::Free;
}
[[nodiscard]] constexpr bool isLock(Call call) noexcept {
    return categoryOf(call) == Category::Lock;
}
/// A wait or a sleep (Category::Blocking). Locks and I/O may block as well,
/// but have their own categories.
[[nodiscard]] constexpr bool isBlocking(Call call) noexcept {
    return categoryOf(call) == Category::Blocking;
}
[[nodiscard]] constexpr bool isIo(Call call) noexcept {
    return categoryOf(call) == Category::Io;
}

/// "allocation", "free", "lock", "blocking wait or sleep", "I/O".
[[nodiscard]] std::string_view describe(Category category) noexcept;

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
/// The sum of countOf() over every Call in the category.
[[nodiscard]] std::uint64_t countOf(Category category) noexcept;
[[nodiscard]] std::uint64_t totalCount() noexcept;
void resetCounts() noexcept;

/// True when the interposers are linked in and active (they are left out of
/// sanitizer builds, whose runtimes own malloc).
[[nodiscard]] bool interposersActive() noexcept;

/// Called by the interposers; reports one forbidden call per the policy.
void reportViolation(Call call) noexcept;

}  // namespace vstkit::rtcheck
