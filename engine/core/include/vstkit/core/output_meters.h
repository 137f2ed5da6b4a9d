#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>

#include "vstkit/core/audio_facts.h"
#include "vstkit/dsp/level_meter.h"

namespace vstkit::core {

/// One output channel's meter as an editor reads it: linear peak and RMS
/// (1.0 is full scale) and the count of blocks that clipped, which only grows
/// (wrapping), so a reader that remembers it sees every clip.
struct MeterReading {
    float peak = 0.0F;
    float rms = 0.0F;
    std::uint32_t clips = 0;
};

/// Peak and RMS of each output channel, measured on the audio thread after
/// the processor and published once per block through relaxed atomics: no
/// lock, no allocation, and a reader on any thread sees a recent block.
///
/// Measuring costs a pass over the output, so it runs only while someone
/// listens (an open editor, a connected LV2 meter port): listen() and
/// unlisten() count them (on the host's threads; the audio side that
/// counts them is destroyed on the host's main thread too).
class OutputMeters final {
  public:
    /// Host thread, audio stopped: sets the rate and clears the readings.
    void prepare(double sampleRate) noexcept;

    void listen() noexcept {
        listeners_.load(std::memory_order_acquire)->fetch_add(1, std::memory_order_relaxed);
    }
    void unlisten() noexcept {
        listeners_.load(std::memory_order_acquire)->fetch_sub(1, std::memory_order_relaxed);
    }
    [[nodiscard]] bool isListenedTo() const noexcept {
        return listeners_.load(std::memory_order_acquire)->load(std::memory_order_relaxed) > 0;
    }

    /// The audio side keeps the count in its own object, on a cache line
    /// every block reads anyway (with 1,000 instances one more line each
    /// block cost about 1 % of the budget). Host thread; the counter must
    /// outlive its use, so the audio side hands it back before it goes.
    void countListenersIn(std::atomic<int>& counter) noexcept;
    void stopCountingIn(std::atomic<int>& counter) noexcept;

    /// Audio thread: measures the processed block of each channel (up to
    /// kMaxLayoutChannels) and publishes the readings.
    void measure(std::span<float* const> channels, std::size_t frames) noexcept;

    /// Any thread: the latest reading of `channel` (zeros past the last).
    [[nodiscard]] MeterReading read(std::size_t channel) const noexcept;
    /// Channels measured in the last block.
    [[nodiscard]] std::size_t channelCount() const noexcept {
        return channelCount_.load(std::memory_order_relaxed);
    }

  private:
    struct Published {
        std::atomic<float> peak{0.0F};
        std::atomic<float> meanSquare{0.0F};
        std::atomic<std::uint32_t> clips{0};
    };

    std::atomic<int> ownListeners_{0};
    std::atomic<std::atomic<int>*> listeners_{&ownListeners_};
    std::array<dsp::LevelMeter, kMaxLayoutChannels> meters_{};
    std::array<Published, kMaxLayoutChannels> published_{};
    std::atomic<std::size_t> channelCount_{0};
};

}  // namespace vstkit::core
