#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "edit_queue.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/state.h"

namespace vstkit::formats::standalone {

/// Everything the audio callback does: takes the device's input, applies the
/// editor's edits, runs the plugin core (in stereo when the plugin accepts
/// it, else in its first layout), writes the device's output, and counts the
/// xruns the device reported.
///
/// The device's buffers are planar (one run of `frames` samples per channel).
/// A mono device input feeds both sides of a stereo plugin; a mono plugin
/// hears the first device input. A mono device output gets the mean of a
/// stereo plugin's two sides; a mono plugin's output goes to both device
/// outputs. With no input the plugin hears silence. More channels than two
/// are never opened.
class AudioPath final {
  public:
    AudioPath();
    AudioPath(const AudioPath&) = delete;
    AudioPath& operator=(const AudioPath&) = delete;
    AudioPath(AudioPath&&) = delete;
    AudioPath& operator=(AudioPath&&) = delete;

    /// Main thread, while no audio runs. May allocate. The core starts at
    /// `values` without a ramp; blocks longer than `maxFrames` are processed
    /// in slices.
    void prepare(double sampleRate, std::size_t maxFrames, std::size_t inputChannels,
                 std::size_t outputChannels, const protocol::ParamValues& values);

    /// Audio thread. Never allocates, locks, logs or blocks. `input` may be
    /// null when there are no input channels.
    void process(const float* input, float* output, std::size_t frames,
                 bool deviceReportedXrun) noexcept;

    /// Main thread pushes, audio thread pops.
    [[nodiscard]] EditQueue& edits() noexcept { return edits_; }
    /// The core's values and reports, for the editor side.
    [[nodiscard]] core::SharedParameters& shared() noexcept { return *core_.shared(); }
    /// Blocks the device flagged as late (an underrun or overrun), from any thread.
    [[nodiscard]] std::uint64_t xruns() const noexcept {
        return xruns_.load(std::memory_order_relaxed);
    }

  private:
    void applyEdits() noexcept;
    void readInput(const float* input, std::size_t stride, std::size_t first,
                   std::size_t frames) noexcept;
    void writeOutput(float* output, std::size_t stride, std::size_t first,
                     std::size_t frames) const noexcept;

    core::AudioCore core_;
    /// The plugin's channels as this app runs it.
    core::ChannelLayout layout_;
    EditQueue edits_;
    std::atomic<std::uint64_t> xruns_{0};
    // The plugin's buffers (right_ unused for a mono plugin): the device's
    // channel layout may differ.
    std::vector<float> left_;
    std::vector<float> right_;
    std::size_t inputChannels_ = 0;
    std::size_t outputChannels_ = 0;
};

}  // namespace vstkit::formats::standalone
