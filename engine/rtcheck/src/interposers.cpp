// Replaces the allocation, locking, waiting, sleeping and read/write entry
// points for whatever links this file. Outside a RealtimeScope each forwards
// straight to glibc; inside one it reports a violation first. In a shared
// library (the plugin) the version script keeps these local, so they watch the
// plugin's own calls; in an executable (the host, the tests) they watch the
// whole process.
//
// Only calls made through the symbol are seen: glibc's internal calls (printf
// writing to stdout, sleep() calling nanosleep) bypass them, so each call a
// program makes is counted once, under its own Call.

// The fortified read() is an inline wrapper that would clash with the
// definition below; callers built with _FORTIFY_SOURCE reach __read_chk.
#undef _FORTIFY_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

#include "vstkit/rtcheck/realtime_scope.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define VSTKIT_RTCHECK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define VSTKIT_RTCHECK_SANITIZED 1
#endif
#endif

#if VSTKIT_RTCHECK_SANITIZED
// The sanitizer runtime owns malloc; replacing it would break the sanitizer.
bool vstkit::rtcheck::interposersActive() noexcept {
    return false;
}
#else

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* pointer);
}

namespace {

using vstkit::rtcheck::Call;

inline void check(Call call) noexcept {
    if (vstkit::rtcheck::inRealtimeScope()) {
        vstkit::rtcheck::reportViolation(call);
    }
}

[[noreturn]] void unresolved(const char* name) noexcept {
    // Raw system calls: write() may be the very function that is missing.
    constexpr const char* kPrefix = "vstkit rtcheck: cannot find the real ";
    syscall(SYS_write, STDERR_FILENO, kPrefix, std::strlen(kPrefix));
    syscall(SYS_write, STDERR_FILENO, name, std::strlen(name));
    syscall(SYS_write, STDERR_FILENO, "\n", 1);
    std::abort();
}

/// The libc function behind one of the interposers below. Constant-
/// initialised, so usable at any time; resolved before main by
/// resolveBeforeMain() (dlsym may allocate, which inside a scope would be a
/// violation), and lazily when something calls it earlier than that, e.g.
/// another object's static constructor.
template <typename Function>
class NextFunction final {
  public:
    /// version: the glibc symbol version to prefer (dlvsym), e.g. the new
    /// pthread_cond_* ABI; plain dlsym when absent on this platform.
    constexpr explicit NextFunction(const char* name, const char* version = nullptr) noexcept
        : name_{name}, version_{version} {}

    [[nodiscard]] Function get() noexcept {
        Function function = function_.load(std::memory_order_acquire);
        if (function == nullptr) [[unlikely]] {
            function = resolve();
        }
        return function;
    }

    Function resolve() noexcept {
        // Whatever dlsym allocates is not the caller's violation (the
        // caller's own call has already been checked).
        const vstkit::rtcheck::NonRealtimeScope resolving;
        void* address = nullptr;
        if (version_ != nullptr) {
            address = dlvsym(RTLD_NEXT, name_, version_);
        }
        if (address == nullptr) {
            address = dlsym(RTLD_NEXT, name_);
        }
        if (address == nullptr) {
            unresolved(name_);
        }
        const auto function = reinterpret_cast<Function>(address);
        function_.store(function, std::memory_order_release);
        return function;
    }

  private:
    const char* name_;
    const char* version_;
    std::atomic<Function> function_{nullptr};
};

using TimedMutexLockFunction = int (*)(pthread_mutex_t*, const timespec*);
using RwLockFunction = int (*)(pthread_rwlock_t*);
using TimedRwLockFunction = int (*)(pthread_rwlock_t*, const timespec*);
using SemWaitFunction = int (*)(sem_t*);
using SemTimedWaitFunction = int (*)(sem_t*, const timespec*);
using CondWaitFunction = int (*)(pthread_cond_t*, pthread_mutex_t*);
using CondTimedWaitFunction = int (*)(pthread_cond_t*, pthread_mutex_t*, const timespec*);
using NanosleepFunction = int (*)(const timespec*, timespec*);
using ClockNanosleepFunction = int (*)(clockid_t, int, const timespec*, timespec*);
using UsleepFunction = int (*)(useconds_t);
using SleepFunction = unsigned int (*)(unsigned int);
using WriteFunction = ssize_t (*)(int, const void*, std::size_t);
using ReadFunction = ssize_t (*)(int, void*, std::size_t);
using ReadChkFunction = ssize_t (*)(int, void*, std::size_t, std::size_t);

// x86-64's glibc keeps the pre-2.3.2 condition variable as the default-less
// pthread_cond_*@GLIBC_2.2.5; forwarding to it would corrupt a new-ABI
// condvar. Platforms that never had the old ABI (aarch64) fall back to dlsym.
constexpr const char* kNewCondVarAbi = "GLIBC_2.3.2";

constinit NextFunction<int (*)(pthread_mutex_t*)> realMutexLock{"pthread_mutex_lock"};
constinit NextFunction<TimedMutexLockFunction> realMutexTimedLock{"pthread_mutex_timedlock"};
constinit NextFunction<RwLockFunction> realRwLockRead{"pthread_rwlock_rdlock"};
constinit NextFunction<RwLockFunction> realRwLockWrite{"pthread_rwlock_wrlock"};
constinit NextFunction<TimedRwLockFunction> realRwLockTimedRead{"pthread_rwlock_timedrdlock"};
constinit NextFunction<TimedRwLockFunction> realRwLockTimedWrite{"pthread_rwlock_timedwrlock"};
constinit NextFunction<SemWaitFunction> realSemWait{"sem_wait"};
constinit NextFunction<SemTimedWaitFunction> realSemTimedWait{"sem_timedwait"};
constinit NextFunction<CondWaitFunction> realCondWait{"pthread_cond_wait", kNewCondVarAbi};
constinit NextFunction<CondTimedWaitFunction> realCondTimedWait{"pthread_cond_timedwait",
                                                                kNewCondVarAbi};
constinit NextFunction<NanosleepFunction> realNanosleep{"nanosleep"};
constinit NextFunction<ClockNanosleepFunction> realClockNanosleep{"clock_nanosleep"};
constinit NextFunction<UsleepFunction> realUsleep{"usleep"};
constinit NextFunction<SleepFunction> realSleep{"sleep"};
constinit NextFunction<WriteFunction> realWrite{"write"};
constinit NextFunction<ReadFunction> realRead{"read"};
constinit NextFunction<ReadChkFunction> realReadChk{"__read_chk"};

#if __GLIBC_PREREQ(2, 30)
#define VSTKIT_RTCHECK_CLOCK_WAITS 1
using ClockMutexLockFunction = int (*)(pthread_mutex_t*, clockid_t, const timespec*);
using ClockRwLockFunction = int (*)(pthread_rwlock_t*, clockid_t, const timespec*);
using SemClockWaitFunction = int (*)(sem_t*, clockid_t, const timespec*);
using CondClockWaitFunction = int (*)(pthread_cond_t*, pthread_mutex_t*, clockid_t,
                                      const timespec*);

constinit NextFunction<ClockMutexLockFunction> realMutexClockLock{"pthread_mutex_clocklock"};
constinit NextFunction<ClockRwLockFunction> realRwLockClockRead{"pthread_rwlock_clockrdlock"};
constinit NextFunction<ClockRwLockFunction> realRwLockClockWrite{"pthread_rwlock_clockwrlock"};
constinit NextFunction<SemClockWaitFunction> realSemClockWait{"sem_clockwait"};
constinit NextFunction<CondClockWaitFunction> realCondClockWait{"pthread_cond_clockwait"};
#endif

// Priority 101: before ordinary static constructors (and so before any
// RealtimeScope exists) in this executable or shared library.
__attribute__((constructor(101))) void resolveBeforeMain() noexcept {
    realMutexLock.resolve();
    realMutexTimedLock.resolve();
    realRwLockRead.resolve();
    realRwLockWrite.resolve();
    realRwLockTimedRead.resolve();
    realRwLockTimedWrite.resolve();
    realSemWait.resolve();
    realSemTimedWait.resolve();
    realCondWait.resolve();
    realCondTimedWait.resolve();
    realNanosleep.resolve();
    realClockNanosleep.resolve();
    realUsleep.resolve();
    realSleep.resolve();
    realWrite.resolve();
    realRead.resolve();
    realReadChk.resolve();
#if VSTKIT_RTCHECK_CLOCK_WAITS
    realMutexClockLock.resolve();
    realRwLockClockRead.resolve();
    realRwLockClockWrite.resolve();
    realSemClockWait.resolve();
    realCondClockWait.resolve();
#endif
}

void* allocateOrThrow(std::size_t size) {
    void* pointer = __libc_malloc(size == 0 ? 1 : size);
    if (pointer == nullptr) {
        throw std::bad_alloc{};
    }
    return pointer;
}

void* allocateAlignedOrThrow(std::size_t size, std::align_val_t alignment) {
    void* pointer = __libc_memalign(static_cast<std::size_t>(alignment), size == 0 ? 1 : size);
    if (pointer == nullptr) {
        throw std::bad_alloc{};
    }
    return pointer;
}

}  // namespace

bool vstkit::rtcheck::interposersActive() noexcept {
    return true;
}

// Referenced by the link option in CMakeLists.txt so the linker always takes
// this object out of the archive, even though nothing calls it by name.
extern "C" const int vstkit_rtcheck_interposers_anchor = 1;

// Default visibility: in an executable these must be the process's malloc
// and pthread_mutex_lock, seen by every shared object it loads. (In the
// plugin the version script makes them local again.)
#define VSTKIT_INTERPOSER __attribute__((visibility("default")))

extern "C" {

VSTKIT_INTERPOSER void* malloc(std::size_t size) {
    check(Call::Malloc);
    return __libc_malloc(size);
}

VSTKIT_INTERPOSER void* calloc(std::size_t count, std::size_t size) {
    check(Call::Calloc);
    return __libc_calloc(count, size);
}

VSTKIT_INTERPOSER void* realloc(void* pointer, std::size_t size) {
    check(Call::Realloc);
    return __libc_realloc(pointer, size);
}

VSTKIT_INTERPOSER void free(void* pointer) {
    if (pointer != nullptr) {
        check(Call::Free);
    }
    __libc_free(pointer);
}

VSTKIT_INTERPOSER void* memalign(std::size_t alignment, std::size_t size) {
    check(Call::AlignedAlloc);
    return __libc_memalign(alignment, size);
}

VSTKIT_INTERPOSER void* aligned_alloc(std::size_t alignment, std::size_t size) {
    check(Call::AlignedAlloc);
    return __libc_memalign(alignment, size);
}

VSTKIT_INTERPOSER int posix_memalign(void** result, std::size_t alignment, std::size_t size) {
    check(Call::AlignedAlloc);
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) {
        return EINVAL;
    }
    void* pointer = __libc_memalign(alignment, size);
    if (pointer == nullptr) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}

VSTKIT_INTERPOSER int pthread_mutex_lock(pthread_mutex_t* mutex) noexcept {
    check(Call::MutexLock);
    return realMutexLock.get()(mutex);
}

VSTKIT_INTERPOSER int pthread_mutex_timedlock(pthread_mutex_t* mutex,
                                              const timespec* deadline) noexcept {
    check(Call::MutexTimedLock);
    return realMutexTimedLock.get()(mutex, deadline);
}

VSTKIT_INTERPOSER int pthread_rwlock_rdlock(pthread_rwlock_t* lock) noexcept {
    check(Call::RwLockRead);
    return realRwLockRead.get()(lock);
}

VSTKIT_INTERPOSER int pthread_rwlock_wrlock(pthread_rwlock_t* lock) noexcept {
    check(Call::RwLockWrite);
    return realRwLockWrite.get()(lock);
}

VSTKIT_INTERPOSER int pthread_rwlock_timedrdlock(pthread_rwlock_t* lock,
                                                 const timespec* deadline) noexcept {
    check(Call::RwLockTimedRead);
    return realRwLockTimedRead.get()(lock, deadline);
}

VSTKIT_INTERPOSER int pthread_rwlock_timedwrlock(pthread_rwlock_t* lock,
                                                 const timespec* deadline) noexcept {
    check(Call::RwLockTimedWrite);
    return realRwLockTimedWrite.get()(lock, deadline);
}

VSTKIT_INTERPOSER int sem_wait(sem_t* semaphore) {
    check(Call::SemWait);
    return realSemWait.get()(semaphore);
}

VSTKIT_INTERPOSER int sem_timedwait(sem_t* semaphore, const timespec* deadline) {
    check(Call::SemTimedWait);
    return realSemTimedWait.get()(semaphore, deadline);
}

VSTKIT_INTERPOSER int pthread_cond_wait(pthread_cond_t* condition, pthread_mutex_t* mutex) {
    check(Call::CondWait);
    return realCondWait.get()(condition, mutex);
}

VSTKIT_INTERPOSER int pthread_cond_timedwait(pthread_cond_t* condition, pthread_mutex_t* mutex,
                                             const timespec* deadline) {
    check(Call::CondTimedWait);
    return realCondTimedWait.get()(condition, mutex, deadline);
}

#if VSTKIT_RTCHECK_CLOCK_WAITS
// The clockid_t forms (glibc 2.30) are what libstdc++'s wait_for/try_lock_for
// call; they count with their timed counterparts.
VSTKIT_INTERPOSER int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t clock,
                                              const timespec* deadline) noexcept {
    check(Call::MutexTimedLock);
    return realMutexClockLock.get()(mutex, clock, deadline);
}

VSTKIT_INTERPOSER int pthread_rwlock_clockrdlock(pthread_rwlock_t* lock, clockid_t clock,
                                                 const timespec* deadline) noexcept {
    check(Call::RwLockTimedRead);
    return realRwLockClockRead.get()(lock, clock, deadline);
}

VSTKIT_INTERPOSER int pthread_rwlock_clockwrlock(pthread_rwlock_t* lock, clockid_t clock,
                                                 const timespec* deadline) noexcept {
    check(Call::RwLockTimedWrite);
    return realRwLockClockWrite.get()(lock, clock, deadline);
}

VSTKIT_INTERPOSER int sem_clockwait(sem_t* semaphore, clockid_t clock, const timespec* deadline) {
    check(Call::SemTimedWait);
    return realSemClockWait.get()(semaphore, clock, deadline);
}

VSTKIT_INTERPOSER int pthread_cond_clockwait(pthread_cond_t* condition, pthread_mutex_t* mutex,
                                             clockid_t clock, const timespec* deadline) {
    check(Call::CondTimedWait);
    return realCondClockWait.get()(condition, mutex, clock, deadline);
}
#endif

VSTKIT_INTERPOSER int nanosleep(const timespec* duration, timespec* remaining) {
    check(Call::Nanosleep);
    return realNanosleep.get()(duration, remaining);
}

VSTKIT_INTERPOSER int clock_nanosleep(clockid_t clock, int flags, const timespec* duration,
                                      timespec* remaining) {
    check(Call::ClockNanosleep);
    return realClockNanosleep.get()(clock, flags, duration, remaining);
}

VSTKIT_INTERPOSER int usleep(useconds_t microseconds) {
    check(Call::Usleep);
    return realUsleep.get()(microseconds);
}

VSTKIT_INTERPOSER unsigned int sleep(unsigned int seconds) {
    check(Call::Sleep);
    return realSleep.get()(seconds);
}

// reportViolation() writes its report with a raw system call, never through
// these, so reporting cannot recurse.
VSTKIT_INTERPOSER ssize_t write(int descriptor, const void* data, std::size_t size) {
    check(Call::Write);
    return realWrite.get()(descriptor, data, size);
}

VSTKIT_INTERPOSER ssize_t read(int descriptor, void* data, std::size_t size) {
    check(Call::Read);
    return realRead.get()(descriptor, data, size);
}

// read() as compiled with _FORTIFY_SOURCE when the buffer size is known.
VSTKIT_INTERPOSER ssize_t __read_chk(int descriptor, void* data, std::size_t size,
                                     std::size_t bufferSize) {
    check(Call::Read);
    return realReadChk.get()(descriptor, data, size, bufferSize);
}

}  // extern "C"

VSTKIT_INTERPOSER void* operator new(std::size_t size) {
    check(Call::OperatorNew);
    return allocateOrThrow(size);
}
VSTKIT_INTERPOSER void* operator new[](std::size_t size) {
    check(Call::OperatorNew);
    return allocateOrThrow(size);
}
VSTKIT_INTERPOSER void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    check(Call::OperatorNew);
    return __libc_malloc(size == 0 ? 1 : size);
}
VSTKIT_INTERPOSER void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    check(Call::OperatorNew);
    return __libc_malloc(size == 0 ? 1 : size);
}
VSTKIT_INTERPOSER void* operator new(std::size_t size, std::align_val_t alignment) {
    check(Call::OperatorNew);
    return allocateAlignedOrThrow(size, alignment);
}
VSTKIT_INTERPOSER void* operator new[](std::size_t size, std::align_val_t alignment) {
    check(Call::OperatorNew);
    return allocateAlignedOrThrow(size, alignment);
}
VSTKIT_INTERPOSER void* operator new(std::size_t size, std::align_val_t alignment,
                                     const std::nothrow_t&) noexcept {
    check(Call::OperatorNew);
    return __libc_memalign(static_cast<std::size_t>(alignment), size == 0 ? 1 : size);
}
VSTKIT_INTERPOSER void* operator new[](std::size_t size, std::align_val_t alignment,
                                       const std::nothrow_t&) noexcept {
    check(Call::OperatorNew);
    return __libc_memalign(static_cast<std::size_t>(alignment), size == 0 ? 1 : size);
}

VSTKIT_INTERPOSER void operator delete(void* pointer) noexcept {
    if (pointer != nullptr) {
        check(Call::OperatorDelete);
    }
    __libc_free(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete(void* pointer, std::size_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer, std::size_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete(void* pointer, const std::nothrow_t&) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer, const std::nothrow_t&) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete(void* pointer, std::align_val_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer, std::align_val_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete(void* pointer, std::align_val_t,
                                       const std::nothrow_t&) noexcept {
    operator delete(pointer);
}
VSTKIT_INTERPOSER void operator delete[](void* pointer, std::align_val_t,
                                         const std::nothrow_t&) noexcept {
    operator delete(pointer);
}

#endif
