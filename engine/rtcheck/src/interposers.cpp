// Replaces the allocation and locking entry points for whatever links this
// file. Outside a RealtimeScope each forwards straight to glibc; inside one it
// reports a violation first. In a shared library (the plugin) the version
// script keeps these local, so they watch the plugin's own calls; in an
// executable (the host, the tests) they watch the whole process.
#include <dlfcn.h>
#include <pthread.h>

#include <cerrno>
#include <cstddef>
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

using MutexLockFunction = int (*)(pthread_mutex_t*);

MutexLockFunction resolveMutexLock() noexcept {
    return reinterpret_cast<MutexLockFunction>(dlsym(RTLD_NEXT, "pthread_mutex_lock"));
}

// Resolved before main (and before any scope exists): dlsym may allocate.
MutexLockFunction realMutexLock = resolveMutexLock();

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

VSTKIT_INTERPOSER int pthread_mutex_lock(pthread_mutex_t* mutex) {
    check(Call::MutexLock);
    if (realMutexLock == nullptr) {
        realMutexLock = resolveMutexLock();
    }
    return realMutexLock(mutex);
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
