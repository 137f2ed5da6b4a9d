#include "vstkit/rtcheck/realtime_scope.h"

#include <execinfo.h>
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
constexpr std::size_t kCallKinds = static_cast<std::size_t>(Call::MutexLock) + 1;
std::array<std::atomic<std::uint64_t>, kCallKinds> counts{};

void writeAll(std::string_view text) noexcept {
    while (!text.empty()) {
        const ssize_t written = write(STDERR_FILENO, text.data(), text.size());
        if (written <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

[[noreturn]] void abortWithBacktrace(Call call) noexcept {
    // Leave the scope first: printing the backtrace may allocate.
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
    }
    return "unknown call";
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
