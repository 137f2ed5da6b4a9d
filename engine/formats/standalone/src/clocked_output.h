#pragma once

#include <atomic>
#include <thread>
#include <vector>

#include "audio_driver.h"
#include "audio_path.h"
#include "input_signal.h"

namespace vstkit::formats::standalone {

/// A null output with a real-time clock: a thread of its own plays the input
/// signal through the audio path one block at a time, each block at its due
/// time, and drops the output. For a machine without a sound card (a server,
/// CI) and for the browser dev mode. A block that starts more than a block
/// late counts as an xrun, as a device would report it.
class ClockedOutput final : public AudioDriver {
  public:
    ClockedOutput(AudioPath& path, InputSignal signal, unsigned sampleRate, unsigned bufferFrames,
                  const protocol::ParamValues& values);
    ~ClockedOutput() override;
    ClockedOutput(const ClockedOutput&) = delete;
    ClockedOutput& operator=(const ClockedOutput&) = delete;
    ClockedOutput(ClockedOutput&&) = delete;
    ClockedOutput& operator=(ClockedOutput&&) = delete;

    [[nodiscard]] bool start(std::string& error) override;
    void stop() noexcept override;
    [[nodiscard]] unsigned sampleRate() const noexcept override { return sampleRate_; }
    [[nodiscard]] unsigned bufferFrames() const noexcept override { return bufferFrames_; }
    [[nodiscard]] std::optional<std::string> failure() const override { return std::nullopt; }
    [[nodiscard]] const InputSignal& signal() const noexcept { return signal_; }
    /// Whether the clock's thread got real-time priority (SCHED_FIFO); known
    /// once start() returned.
    [[nodiscard]] bool realtime() const noexcept {
        return realtime_.load(std::memory_order_relaxed);
    }

  private:
    void run() noexcept;

    AudioPath& path_;
    InputSignal signal_;
    unsigned sampleRate_;
    unsigned bufferFrames_;
    // Planar, two sides each way, sized before the thread starts.
    std::vector<float> input_;
    std::vector<float> output_;
    std::atomic<bool> running_{false};
    std::atomic<bool> started_{false};
    std::atomic<bool> realtime_{false};
    std::thread thread_;
};

}  // namespace vstkit::formats::standalone
