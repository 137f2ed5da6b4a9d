#include "vstkit/rtcheck/realtime_scope.h"

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <pthread.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace vstkit::rtcheck {
namespace {

/// Keeps the compiler from proving an allocation unused and removing it.
void escape(void* pointer) {
    asm volatile("" : : "g"(pointer) : "memory");
}

void allocateWithMalloc() {
    void* pointer = std::malloc(64);
    escape(pointer);
    std::free(pointer);
}

void allocateWithNew() {
    auto* value = new int(7);
    escape(value);
    delete value;
}

void growVector() {
    std::vector<float> samples;
    samples.resize(512);
    escape(samples.data());
}

void lockMutex() {
    static std::mutex mutex;
    const std::lock_guard lock{mutex};
}

class RealtimeScopeTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!interposersActive()) {
            GTEST_SKIP() << "interposers are left out of sanitizer builds";
        }
        setPolicy(Policy::Abort);
        resetCounts();
    }
    void TearDown() override { setPolicy(Policy::Abort); }
};

using RealtimeScopeDeathTest = RealtimeScopeTest;

TEST_F(RealtimeScopeDeathTest, MallocInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            allocateWithMalloc();
        },
        "rtcheck: malloc called on a real-time thread \\(inside a RealtimeScope\\)");
}

TEST_F(RealtimeScopeDeathTest, OperatorNewInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            allocateWithNew();
        },
        "rtcheck: operator new called");
}

TEST_F(RealtimeScopeDeathTest, StdMutexInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            lockMutex();
        },
        "rtcheck: pthread_mutex_lock");
}

TEST_F(RealtimeScopeDeathTest, FreeInsideTheScopeAborts) {
    void* pointer = std::malloc(16);
    escape(pointer);
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            std::free(pointer);
        },
        "rtcheck: free called");
    std::free(pointer);
}

TEST_F(RealtimeScopeTest, TheSameCodeOutsideTheScopeRunsNormally) {
    allocateWithMalloc();
    allocateWithNew();
    growVector();
    lockMutex();
    EXPECT_FALSE(inRealtimeScope());
    EXPECT_EQ(totalCount(), 0U);
}

TEST_F(RealtimeScopeTest, CountPolicyCountsEachKindOfCall) {
    setPolicy(Policy::Count);
    {
        const RealtimeScope scope;
        allocateWithMalloc();
        allocateWithNew();
        lockMutex();
        void* aligned = nullptr;
        ASSERT_EQ(posix_memalign(&aligned, 64, 256), 0);
        escape(aligned);
        std::free(aligned);
    }
    EXPECT_EQ(countOf(Call::Malloc), 1U);
    EXPECT_EQ(countOf(Call::Free), 2U);
    EXPECT_EQ(countOf(Call::OperatorNew), 1U);
    EXPECT_EQ(countOf(Call::OperatorDelete), 1U);
    EXPECT_EQ(countOf(Call::MutexLock), 1U);
    EXPECT_EQ(countOf(Call::AlignedAlloc), 1U);
}

TEST_F(RealtimeScopeTest, ScopesNestAndOnlyCoverTheirThread) {
    setPolicy(Policy::Count);
    // Started outside the scope: creating a std::thread allocates.
    std::atomic<bool> mainInScope{false};
    std::atomic<bool> otherDone{false};
    std::thread other{[&] {
        while (!mainInScope.load()) {
            std::this_thread::yield();
        }
        EXPECT_FALSE(inRealtimeScope());
        allocateWithMalloc();  // Another thread is not the real-time one.
        otherDone.store(true);
    }};
    {
        const RealtimeScope outer;
        { const RealtimeScope inner; }
        EXPECT_TRUE(inRealtimeScope());
        {
            const NonRealtimeScope suspended;
            allocateWithMalloc();  // Deliberately allowed.
        }
        mainInScope.store(true);
        while (!otherDone.load()) {
            std::this_thread::yield();
        }
    }
    other.join();
    EXPECT_FALSE(inRealtimeScope());
    EXPECT_EQ(totalCount(), 0U);
}

TEST_F(RealtimeScopeTest, InterposersAreTheWholeProcesssEntryPoints) {
    // Code in shared objects (a dlopen()ed plugin) resolves malloc and
    // pthread_mutex_lock through the global scope: these must be ours.
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "malloc"), reinterpret_cast<void*>(&malloc));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "free"), reinterpret_cast<void*>(&free));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "pthread_mutex_lock"),
              reinterpret_cast<void*>(&pthread_mutex_lock));
}

TEST_F(RealtimeScopeTest, AllocationFreeCodeInsideTheScopeIsFine) {
    float samples[64] = {};
    {
        const RealtimeScope scope;
        for (float& sample : samples) {
            sample += 0.5F;
        }
    }
    EXPECT_EQ(samples[63], 0.5F);
}

}  // namespace
}  // namespace vstkit::rtcheck
