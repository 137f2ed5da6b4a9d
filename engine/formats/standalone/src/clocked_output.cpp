#include "clocked_output.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <system_error>
#include <utility>

#include "vstkit/core/realtime_guard.h"

namespace vstkit::formats::standalone {
namespace {

constexpr std::size_t kSides = 2;
/// SCHED_FIFO priority of the clock's thread: JACK's clients run at about this.
constexpr int kRealtimePriority = 70;

}  // namespace

ClockedOutput::ClockedOutput(AudioPath& path, InputSignal signal, unsigned sampleRate,
                             unsigned bufferFrames, const protocol::ParamValues& values)
    : path_(path),
      signal_(std::move(signal)),
      sampleRate_(sampleRate),
      bufferFrames_(bufferFrames),
      input_(kSides * bufferFrames),
      output_(kSides * bufferFrames) {
    signal_.prepare(sampleRate);
    path_.prepare(sampleRate, bufferFrames, kSides, kSides, values);
}

ClockedOutput::~ClockedOutput() {
    stop();
}

bool ClockedOutput::start(std::string& error) {
    running_.store(true, std::memory_order_relaxed);
    try {
        thread_ = std::thread([this] { run(); });
    } catch (const std::system_error& failure) {
        running_.store(false, std::memory_order_relaxed);
        error = std::string{"cannot start the audio thread: "} + failure.what();
        return false;
    }
    // Until the thread has asked for its priority, so realtime() is settled.
    while (!started_.load(std::memory_order_acquire)) {
        std::this_thread::yield();
    }
    return true;
}

void ClockedOutput::stop() noexcept {
    running_.store(false, std::memory_order_relaxed);
    if (thread_.joinable()) {
        thread_.join();
    }
}

void ClockedOutput::run() noexcept {
    // As a device's audio thread: real-time priority where the system grants
    // it (root, or an rtprio limit), so the main thread's work (a flood of
    // bridge messages, a browser beside it) cannot push a block late. Where
    // it does not, the clock runs at normal priority and says so.
    sched_param priority{};
    priority.sched_priority = std::min(kRealtimePriority, sched_get_priority_max(SCHED_FIFO));
    realtime_.store(pthread_setschedparam(pthread_self(), SCHED_FIFO, &priority) == 0,
                    std::memory_order_relaxed);
    started_.store(true, std::memory_order_release);
    using Clock = std::chrono::steady_clock;
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(static_cast<double>(bufferFrames_) / sampleRate_));
    Clock::time_point due = Clock::now();
    float* const left = input_.data();
    float* const right = input_.data() + bufferFrames_;
    while (running_.load(std::memory_order_relaxed)) {
        bool late = false;
        if (Clock::now() > due + period) {
            // A block or more behind: report it and start the clock afresh,
            // as a device drops what it could not play.
            late = true;
            due = Clock::now();
        }
        {
            const core::RealtimeGuard guard;
            signal_.fill(left, right, bufferFrames_);
            path_.process(input_.data(), output_.data(), bufferFrames_, late);
        }
        due += period;
        std::this_thread::sleep_until(due);
    }
}

}  // namespace vstkit::formats::standalone
