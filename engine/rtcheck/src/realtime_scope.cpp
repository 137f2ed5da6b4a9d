#include "vstkit/rtcheck/realtime_scope.h"

#include <execinfo.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>

namespace vstkit::rtcheck {
namespace {

// initial-exec: reading the flag must not itself allocate, which a lazily
// allocated TLS block in a dlopen()ed plugin could.
__attribute__((tls_model("initial-exec"))) thread_local int scopeDepth = 0;
__attribute__((tls_model("initial-exec"))) thread_local int suspendDepth = 0;

std::atomic<Policy> policy{Policy::Abort};
std::array<std::atomic<std::uint64_t>, kCallCount> counts{};

// A raw system call, not write(): write() is itself interposed, and the
// report must never re-enter the checks it is reporting.
void writeAll(std::string_view text) noexcept {
    while (!text.empty()) {
        const long written = syscall(SYS_write, STDERR_FILENO, text.data(), text.size());
        if (written <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

[[noreturn]] void abortWithBacktrace(Call call) noexcept {
    // Leave the scope first: backtrace() may allocate (it loads libgcc_s)
    // and backtrace_symbols_fd() writes.
    scopeDepth = 0;
    writeAll("vstkit rtcheck: ");
    writeAll(describe(call));
    writeAll(" called on a real-time thread (inside a RealtimeScope)\n");
    std::array<void*, 64> frames{};
    const int depth = backtrace(frames.data(), static_cast<int>(frames.size()));
    backtrace_symbols_fd(frames.data(), depth, STDERR_FILENO);
    std::abort();
}

}  // namespace

std::string_view describe(Call call) noexcept {
    switch (call) {
        case Call::Malloc:
            return "malloc";
        case Call::Calloc:
            return "calloc";
        case Call::Realloc:
            return "realloc";
        case Call::Free:
            return "free";
        case Call::AlignedAlloc:
            return "aligned allocation (posix_memalign/aligned_alloc/memalign)";
        case Call::OperatorNew:
            return "operator new";
        case Call::OperatorDelete:
            return "operator delete";
        case Call::MutexLock:
            return "pthread_mutex_lock (a blocking lock)";
        case Call::MutexTimedLock:
            return "pthread_mutex_timedlock/pthread_mutex_clocklock (a blocking lock with a "
                   "timeout)";
        case Call::RwLockRead:
            return "pthread_rwlock_rdlock (a blocking read lock)";
        case Call::RwLockWrite:
            return "pthread_rwlock_wrlock (a blocking write lock)";
        case Call::RwLockTimedRead:
            return "pthread_rwlock_timedrdlock/pthread_rwlock_clockrdlock (a blocking read lock "
                   "with a timeout)";
        case Call::RwLockTimedWrite:
            return "pthread_rwlock_timedwrlock/pthread_rwlock_clockwrlock (a blocking write lock "
                   "with a timeout)";
        case Call::SemWait:
            return "sem_wait (a blocking semaphore wait)";
        case Call::SemTimedWait:
            return "sem_timedwait/sem_clockwait (a blocking semaphore wait with a timeout)";
        case Call::CondWait:
            return "pthread_cond_wait (a blocking condition variable wait)";
        case Call::CondTimedWait:
            return "pthread_cond_timedwait/pthread_cond_clockwait (a blocking condition variable "
                   "wait with a timeout)";
        case Call::Nanosleep:
            return "nanosleep (puts the thread to sleep)";
        case Call::ClockNanosleep:
            return "clock_nanosleep (puts the thread to sleep)";
        case Call::Usleep:
            return "usleep (puts the thread to sleep)";
        case Call::Sleep:
            return "sleep (puts the thread to sleep)";
        case Call::Write:
            return "write (file descriptor I/O)";
        case Call::Read:
            return "read (file descriptor I/O)";
    }
    return "unknown call";
}

std::string_view describe(Category category) noexcept {
    switch (category) {
        case Category::Allocation:
            return "allocation";
        case Category::Free:
            return "free";
        case Category::Lock:
            return "lock";
        case Category::Blocking:
            return "blocking wait or sleep";
        case Category::Io:
            return "I/O";
    }
    return "unknown category";
}

RealtimeScope::RealtimeScope() noexcept {
    ++scopeDepth;
}
RealtimeScope::~RealtimeScope() {
    --scopeDepth;
}

NonRealtimeScope::NonRealtimeScope() noexcept {
    ++suspendDepth;
}
NonRealtimeScope::~NonRealtimeScope() {
    --suspendDepth;
}

bool inRealtimeScope() noexcept {
    return scopeDepth > 0 && suspendDepth == 0;
}

void setPolicy(Policy newPolicy) noexcept {
    policy.store(newPolicy);
}

std::uint64_t countOf(Call call) noexcept {
    return counts[static_cast<std::size_t>(call)].load(std::memory_order_relaxed);
}

std::uint64_t countOf(Category category) noexcept {
    std::uint64_t total = 0;
    for (std::size_t index = 0; index < kCallCount; ++index) {
        if (categoryOf(static_cast<Call>(index)) == category) {
            total += counts[index].load(std::memory_order_relaxed);
        }
    }
    return total;
}

std::uint64_t totalCount() noexcept {
    std::uint64_t total = 0;
    for (const auto& count : counts) {
        total += count.load(std::memory_order_relaxed);
    }
    return total;
}

void resetCounts() noexcept {
    for (auto& count : counts) {
        count.store(0, std::memory_order_relaxed);
    }
}

void reportViolation(Call call) noexcept {
    if (policy.load(std::memory_order_relaxed) == Policy::Abort) {
        abortWithBacktrace(call);
    }
    counts[static_cast<std::size_t>(call)].fetch_add(1, std::memory_order_relaxed);
}

}  // namespace vstkit::rtcheck
