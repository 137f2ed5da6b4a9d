#include "vstkit/rtcheck/realtime_scope.h"

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <shared_mutex>
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

// read() as compiled with _FORTIFY_SOURCE when the buffer size is only known
// at run time (glibc declares it only in fortified builds).
extern "C" ssize_t __read_chk(int descriptor, void* data, std::size_t size, std::size_t bufferSize);

/// A deadline that has already passed: timed waits return at once.
timespec pastDeadline() {
    return timespec{0, 0};
}

/// A pipe whose ends are closed with the object.
class Pipe {
  public:
    Pipe() {
        std::array<int, 2> ends{-1, -1};
        if (pipe(ends.data()) != 0) {
            ADD_FAILURE() << "pipe() failed";
        }
        readEnd = ends[0];
        writeEnd = ends[1];
    }
    ~Pipe() {
        close(readEnd);
        close(writeEnd);
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    Pipe(Pipe&&) = delete;
    Pipe& operator=(Pipe&&) = delete;

    int readEnd = -1;
    int writeEnd = -1;
};

/// A semaphore that starts posted, so waiting on it does not block.
class PostedSemaphore {
  public:
    explicit PostedSemaphore(unsigned int count) { sem_init(&semaphore, 0, count); }
    ~PostedSemaphore() { sem_destroy(&semaphore); }
    PostedSemaphore(const PostedSemaphore&) = delete;
    PostedSemaphore& operator=(const PostedSemaphore&) = delete;
    PostedSemaphore(PostedSemaphore&&) = delete;
    PostedSemaphore& operator=(PostedSemaphore&&) = delete;

    sem_t semaphore{};
};

/// Bounds a death test whose statement would otherwise block forever if the
/// interposer failed to abort: SIGALRM kills it, and the message won't match.
void failInsteadOfHanging() {
    alarm(10);
}

// Helpers for the death tests: their initialisers hold commas that
// EXPECT_DEATH's statement argument cannot.
void readLockARwLock() {
    pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
    pthread_rwlock_rdlock(&lock);
}

void sleepForNoTime() {
    const timespec none{0, 0};
    nanosleep(&none, nullptr);
}

/// Waits inside a scope on a condition nobody signals (a past deadline when
/// timed).
void waitOnACondition(bool timed) {
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
    pthread_mutex_lock(&mutex);
    const timespec deadline = pastDeadline();
    const RealtimeScope scope;
    if (timed) {
        pthread_cond_timedwait(&condition, &mutex, &deadline);
    } else {
        pthread_cond_wait(&condition, &mutex);
    }
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

TEST_F(RealtimeScopeDeathTest, RwLockInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            readLockARwLock();
        },
        "rtcheck: pthread_rwlock_rdlock \\(a blocking read lock\\) called on a real-time thread");
    EXPECT_DEATH(
        {
            std::shared_mutex lock;
            const RealtimeScope scope;
            lock.lock();
        },
        "rtcheck: pthread_rwlock_wrlock");
}

TEST_F(RealtimeScopeDeathTest, SemWaitInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            PostedSemaphore posted{1};
            const RealtimeScope scope;
            sem_wait(&posted.semaphore);
        },
        "rtcheck: sem_wait \\(a blocking semaphore wait\\) called");
}

TEST_F(RealtimeScopeDeathTest, NanosleepInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            sleepForNoTime();
        },
        "rtcheck: nanosleep \\(puts the thread to sleep\\) called");
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            std::this_thread::sleep_for(std::chrono::nanoseconds{1});
        },
        "rtcheck: nanosleep");
}

TEST_F(RealtimeScopeDeathTest, CondWaitInsideTheScopeAborts) {
    EXPECT_DEATH(
        {
            failInsteadOfHanging();
            waitOnACondition(/*timed=*/false);
        },
        "rtcheck: pthread_cond_wait \\(a blocking condition variable wait\\) called");
    EXPECT_DEATH({ waitOnACondition(/*timed=*/true); }, "rtcheck: pthread_cond_timedwait");
}

TEST_F(RealtimeScopeDeathTest, WriteInsideTheScopeAbortsWithoutRecursing) {
    // The report itself goes to stderr: it must not trip the write check.
    EXPECT_DEATH(
        {
            const Pipe pipe;
            const RealtimeScope scope;
            const char byte = 'x';
            [[maybe_unused]] const auto written = write(pipe.writeEnd, &byte, 1);
        },
        "rtcheck: write \\(file descriptor I/O\\) called on a real-time thread");
}

TEST_F(RealtimeScopeDeathTest, ReadAndSleepInsideTheScopeAbort) {
    EXPECT_DEATH(
        {
            failInsteadOfHanging();
            const Pipe pipe;
            const RealtimeScope scope;
            char byte = 0;
            [[maybe_unused]] const auto got = read(pipe.readEnd, &byte, 1);  // Empty pipe.
        },
        "rtcheck: read \\(file descriptor I/O\\) called");
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            usleep(0);
        },
        "rtcheck: usleep");
    EXPECT_DEATH(
        {
            const RealtimeScope scope;
            sleep(0);
        },
        "rtcheck: sleep \\(");
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

/// One of every blocking call, none of which actually blocks: uncontended
/// locks, posted semaphores, past deadlines, zero sleeps, a pipe with room and
/// with data. Each call is made exactly once.
void makeEveryBlockingCall(const Pipe& pipe, PostedSemaphore& posted) {
    const timespec deadline = pastDeadline();
    const timespec none{0, 0};
    pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
    EXPECT_EQ(pthread_rwlock_rdlock(&rwlock), 0);
    EXPECT_EQ(pthread_rwlock_unlock(&rwlock), 0);
    EXPECT_EQ(pthread_rwlock_wrlock(&rwlock), 0);
    EXPECT_EQ(pthread_rwlock_unlock(&rwlock), 0);
    EXPECT_EQ(pthread_rwlock_timedrdlock(&rwlock, &deadline), 0);
    EXPECT_EQ(pthread_rwlock_unlock(&rwlock), 0);
    EXPECT_EQ(pthread_rwlock_timedwrlock(&rwlock, &deadline), 0);
    EXPECT_EQ(pthread_rwlock_unlock(&rwlock), 0);
    pthread_rwlock_destroy(&rwlock);

    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    EXPECT_EQ(pthread_mutex_timedlock(&mutex, &deadline), 0);
    pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
    EXPECT_EQ(pthread_cond_timedwait(&condition, &mutex, &deadline), ETIMEDOUT);
    EXPECT_EQ(pthread_mutex_unlock(&mutex), 0);
    pthread_cond_destroy(&condition);
    pthread_mutex_destroy(&mutex);

    EXPECT_EQ(sem_wait(&posted.semaphore), 0);
    EXPECT_EQ(sem_timedwait(&posted.semaphore, &deadline), 0);

    EXPECT_EQ(nanosleep(&none, nullptr), 0);
    EXPECT_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &none, nullptr), 0);
    EXPECT_EQ(usleep(0), 0);
    EXPECT_EQ(sleep(0), 0U);

    const char sent = 'x';
    EXPECT_EQ(write(pipe.writeEnd, &sent, 1), 1);
    char received = 0;
    EXPECT_EQ(read(pipe.readEnd, &received, 1), 1);
    EXPECT_EQ(received, 'x');
}

TEST_F(RealtimeScopeTest, CountPolicyCountsEachBlockingCallOnceUnderItsOwnName) {
    setPolicy(Policy::Count);
    const Pipe pipe;
    PostedSemaphore posted{4};
    {
        const RealtimeScope scope;
        makeEveryBlockingCall(pipe, posted);
    }
    for (const Call call :
         {Call::RwLockRead, Call::RwLockWrite, Call::RwLockTimedRead, Call::RwLockTimedWrite,
          Call::MutexTimedLock, Call::CondTimedWait, Call::SemWait, Call::SemTimedWait,
          Call::Nanosleep, Call::ClockNanosleep, Call::Usleep, Call::Sleep, Call::Write,
          Call::Read}) {
        EXPECT_EQ(countOf(call), 1U) << describe(call);
    }
    EXPECT_EQ(countOf(Call::CondWait), 0U);
    EXPECT_EQ(countOf(Call::MutexLock), 0U);  // cond_timedwait relocks internally.
    EXPECT_EQ(countOf(Category::Lock), 5U);
    EXPECT_EQ(countOf(Category::Blocking), 7U);
    EXPECT_EQ(countOf(Category::Io), 2U);
    EXPECT_EQ(countOf(Category::Allocation) + countOf(Category::Free), 0U);
    EXPECT_EQ(totalCount(), 14U);

    resetCounts();
    makeEveryBlockingCall(pipe, posted);  // Outside the scope: not counted.
    EXPECT_EQ(totalCount(), 0U);
}

TEST_F(RealtimeScopeTest, FortifiedReadCountsAsRead) {
    setPolicy(Policy::Count);
    const Pipe pipe;
    const char sent = 'y';
    ASSERT_EQ(write(pipe.writeEnd, &sent, 1), 1);
    char received = 0;
    {
        const RealtimeScope scope;
        EXPECT_EQ(__read_chk(pipe.readEnd, &received, 1, sizeof received), 1);
    }
    EXPECT_EQ(received, 'y');
    EXPECT_EQ(countOf(Call::Read), 1U);
    EXPECT_EQ(totalCount(), 1U);
}

TEST_F(RealtimeScopeTest, CountPolicyCountsACondWaitWokenByAnotherThread) {
    setPolicy(Policy::Count);
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t condition = PTHREAD_COND_INITIALIZER;
    bool signalled = false;
    std::uint64_t waits = 0;
    pthread_mutex_lock(&mutex);
    // Started outside the scope; it can only take the mutex once this thread
    // waits, so the signal cannot be missed.
    std::thread signaller{[&] {
        pthread_mutex_lock(&mutex);
        signalled = true;
        pthread_cond_signal(&condition);
        pthread_mutex_unlock(&mutex);
    }};
    {
        const RealtimeScope scope;
        while (!signalled) {
            ++waits;
            EXPECT_EQ(pthread_cond_wait(&condition, &mutex), 0);
        }
    }
    pthread_mutex_unlock(&mutex);
    signaller.join();
    pthread_cond_destroy(&condition);
    EXPECT_GE(waits, 1U);
    EXPECT_EQ(countOf(Call::CondWait), waits);
    EXPECT_EQ(countOf(Call::MutexLock), 0U);  // The other thread's lock is its own.
    EXPECT_EQ(totalCount(), waits);
}

TEST_F(RealtimeScopeTest, StdConditionVariableWaitIsACondWait) {
    // std::condition_variable::wait lives in libstdc++.so and calls
    // pthread_cond_wait@GLIBC_2.3.2: the versioned reference binds to ours.
    setPolicy(Policy::Count);
    std::mutex mutex;
    std::condition_variable condition;
    bool signalled = false;
    std::uint64_t waits = 0;
    std::unique_lock lock{mutex};
    std::thread signaller{[&] {
        {
            const std::lock_guard signallerLock{mutex};
            signalled = true;
        }
        condition.notify_one();
    }};
    {
        const RealtimeScope scope;
        while (!signalled) {
            ++waits;
            condition.wait(lock);
        }
    }
    lock.unlock();
    signaller.join();
    EXPECT_GE(waits, 1U);
    EXPECT_EQ(countOf(Call::CondWait), waits);
    EXPECT_EQ(totalCount(), waits);
}

TEST_F(RealtimeScopeTest, TheStandardLibraryReachesTheInterposers) {
    // libstdc++ calls these from its own shared object: in an executable the
    // interposers are the process's, so they see those calls too.
    setPolicy(Policy::Count);
    std::shared_mutex sharedMutex;
    std::mutex mutex;
    std::condition_variable condition;
    {
        std::unique_lock lock{mutex};
        const RealtimeScope scope;
        sharedMutex.lock_shared();
        sharedMutex.unlock_shared();
        sharedMutex.lock();
        sharedMutex.unlock();
        std::this_thread::sleep_for(std::chrono::nanoseconds{1});
        EXPECT_EQ(condition.wait_for(lock, std::chrono::seconds{0}), std::cv_status::timeout);
    }
    EXPECT_EQ(countOf(Call::RwLockRead), 1U);
    EXPECT_EQ(countOf(Call::RwLockWrite), 1U);
    EXPECT_EQ(countOf(Call::Nanosleep), 1U);
    EXPECT_EQ(countOf(Call::CondTimedWait), 1U);
    EXPECT_EQ(totalCount(), 4U);
}

TEST(CategoryTest, EveryCallHasACategoryAndADescription) {
    std::array<std::size_t, kCategoryCount> perCategory{};
    for (std::size_t index = 0; index < kCallCount; ++index) {
        const auto call = static_cast<Call>(index);
        EXPECT_NE(describe(call), "unknown call") << index;
        ++perCategory[static_cast<std::size_t>(categoryOf(call))];
        const int predicates = int{isAllocation(call)} + int{isFree(call)} + int{isLock(call)} +
                               int{isBlocking(call)} + int{isIo(call)};
        EXPECT_EQ(predicates, 1) << describe(call);
    }
    EXPECT_EQ(perCategory[static_cast<std::size_t>(Category::Allocation)], 5U);
    EXPECT_EQ(perCategory[static_cast<std::size_t>(Category::Free)], 2U);
    EXPECT_EQ(perCategory[static_cast<std::size_t>(Category::Lock)], 6U);
    EXPECT_EQ(perCategory[static_cast<std::size_t>(Category::Blocking)], 8U);
    EXPECT_EQ(perCategory[static_cast<std::size_t>(Category::Io)], 2U);
    static_assert(categoryOf(Call::Malloc) == Category::Allocation);
    static_assert(categoryOf(Call::CondWait) == Category::Blocking);
    static_assert(isLock(Call::RwLockWrite) && isIo(Call::Read) && isFree(Call::OperatorDelete));
    for (std::size_t index = 0; index < kCategoryCount; ++index) {
        EXPECT_NE(describe(static_cast<Category>(index)), "unknown category");
    }
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
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "pthread_rwlock_rdlock"),
              reinterpret_cast<void*>(&pthread_rwlock_rdlock));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "sem_wait"), reinterpret_cast<void*>(&sem_wait));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "nanosleep"), reinterpret_cast<void*>(&nanosleep));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "write"), reinterpret_cast<void*>(&write));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "read"), reinterpret_cast<void*>(&read));
    EXPECT_EQ(dlsym(RTLD_DEFAULT, "pthread_cond_wait"),
              reinterpret_cast<void*>(&pthread_cond_wait));
    // (dlvsym(..., "GLIBC_2.3.2") would name glibc's: dlvsym skips unversioned
    // definitions, but relocations do not; StdConditionVariableWaitIsACondWait
    // shows a shared object's pthread_cond_wait@GLIBC_2.3.2 reaching ours.)
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
