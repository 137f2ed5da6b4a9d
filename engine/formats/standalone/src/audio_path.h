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
/// editor's edits, runs the plugin core in stereo, writes the device's output,
/// and counts the xruns the device reported.
///
/// The device's buffers are planar (one run of `frames` samples per channel).
/// A mono input feeds both sides of the plugin; a mono output gets the mean of
/// the two sides; with no input the plugin hears silence. More channels than
/// two are never opened.
class AudioPath final {
  public:
    /// The plugin's channels: it is a stereo plugin.
    static constexpr std::size_t kPluginChannels = 2;

    AudioPath() : core_(core::pluginDefinition()) {}
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
    EditQueue edits_;
    std::atomic<std::uint64_t> xruns_{0};
    // The plugin's stereo buffers: the device's channel layout may differ.
    std::vector<float> left_;
    std::vector<float> right_;
    std::size_t inputChannels_ = 0;
    std::size_t outputChannels_ = 0;
};

}  // namespace vstkit::formats::standalone
