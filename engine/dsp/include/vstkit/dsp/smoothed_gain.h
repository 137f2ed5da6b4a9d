#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <span>

#include "vstkit/dsp/linear_ramp.h"
#include "vstkit/dsp/parameter_event.h"

namespace vstkit::dsp {

/// A gain stage: a gain in dB, smoothed over 20 ms, with a bypass that
/// ramps to unity, applied in place to any number of channels. The gain
/// plugin is this stage alone; other plugins can use it as their output level.
///
/// Thread contract: one thread at a time. prepare() while audio is stopped;
/// during playback everything runs on the audio thread. Nothing here allocates, locks or
/// blocks; the object owns all the memory it will ever use.
///
/// Denormals: the processor never computes with one, whatever the FPU mode.
/// Input samples below kSilenceFloor (-500 dBFS) are read as 0 and non-zero
/// gains are at least kMinimumGain, so every product is either 0 or a normal
/// number. Doing this in the vectorised loop costs a compare per sample,
/// where saving, setting and restoring MXCSR per call cost more than the
/// whole multiply of a 64-frame stereo block.
class SmoothedGain final {
  public:
    /// The parameter-table rows whose events this processor answers: a gain
    /// in dB and a bypass toggle. Events for any other row are ignored.
    struct Rows {
        std::uint32_t gainDb = 0;
        std::uint32_t bypass = 1;
    };

    /// Gain changes ramp linearly over 20 ms: long enough that a full-range
    /// jump makes no audible click or zipper, short enough to feel immediate.
    static constexpr double kLinearRampSeconds = 0.020;

    /// Frames processed per inner pass; longer blocks are handled in slices.
    static constexpr std::size_t kSliceFrames = 256;

    /// Input magnitudes below this are silence (-500 dBFS).
    static constexpr float kSilenceFloor = 1e-25F;

    /// Gains below this (-120 dB) are silence.
    static constexpr float kMinimumGain = 1e-6F;

    /// Channels offset per pass when a block is split at an event (a fixed
    /// array keeps the split path free of allocation; more go in groups).
    static constexpr std::size_t kMaxSplitChannels = 32;

    SmoothedGain() noexcept = default;
    explicit SmoothedGain(Rows rows) noexcept : rows_(rows) {}
    SmoothedGain(const SmoothedGain&) = delete;
    SmoothedGain& operator=(const SmoothedGain&) = delete;
    SmoothedGain(SmoothedGain&&) = delete;
    SmoothedGain& operator=(SmoothedGain&&) = delete;

    /// Sets the sample rate (non-positive or NaN rates fall back to 48 kHz) and
    /// settles at the current target. maxBlockFrames is accepted for symmetry
    /// with hosts; any block length works.
    void prepare(double sampleRate, std::size_t maxBlockFrames) noexcept;

    /// Drops any ramp in flight and holds the current target.
    void reset() noexcept;

    /// The gain to ramp toward, in dB; -inf means silence. NaN is ignored.
    void setTargetGainDb(float gainDb) noexcept;

    /// When bypassed the gain ramps to unity, so engaging bypass never clicks.
    void setBypassed(bool bypassed) noexcept;

    /// Applies the gain in place to frames samples of every channel. Null
    /// channel pointers are skipped; 0 frames does nothing. Inline: at 64
    /// frames the call itself is a third of the work.
    void process(std::span<float* const> channels, std::size_t frames) noexcept {
        if (frames == 0) {
            return;
        }
        if (ramp_.isRamping()) {
            processRamping(channels, frames);
            return;
        }
        const float gain = ramp_.target();
        if (gain == 1.0F) {
            return;  // Unity is an exact pass-through.
        }
        for (float* channel : channels) {
            if (channel != nullptr) {
                applySteadyGain(channel, gain, frames);
            }
        }
    }

    /// Applies the block's parameter events at their sample offsets: audio
    /// before an event's offset is processed with the old values, from the
    /// offset on with the new target (still reached over the 20 ms ramp).
    /// Events must be sorted by offset; offsets at or past `frames` take
    /// effect at the block's end, so a 0-frame block only applies changes.
    /// Events for rows this processor does not use are ignored. When the
    /// audio is one slice of a longer block starting at `firstFrame`, event
    /// offsets count from the block's start and are rebased here.
    /// Inline when there are no events: most blocks, and at 64 frames the
    /// extra call would cost a tenth of the work.
    void process(std::span<float* const> channels, std::size_t frames,
                 std::span<const ParameterEvent> events, std::size_t firstFrame = 0) noexcept {
        if (events.empty()) {
            process(channels, frames);
            return;
        }
        processWithEvents(channels, frames, events, firstFrame);
    }

    /// Applies one event's value now (no audio), e.g. before playback starts.
    void apply(const ParameterEvent& event) noexcept;

    [[nodiscard]] double sampleRate() const noexcept { return sampleRate_; }
    [[nodiscard]] std::uint32_t rampLengthFrames() const noexcept { return ramp_.length(); }
    [[nodiscard]] float currentGain() const noexcept { return ramp_.current(); }
    [[nodiscard]] bool isSmoothing() const noexcept { return ramp_.isRamping(); }

  private:
    /// Input samples below kSilenceFloor read as 0, branch-free (a compare
    /// and a mask once vectorised).
    static float aboveSilenceFloor(float sample) noexcept {
        return std::fabs(sample) < kSilenceFloor ? 0.0F : sample;
    }

    // Unrolled so the loop bookkeeping is paid once per 16 samples, not per 4.
    static void applySteadyGain(float* __restrict samples, float gain,
                                std::size_t frames) noexcept {
#pragma GCC unroll 4
        for (std::size_t i = 0; i < frames; ++i) {
            const float sample = samples[i];
            samples[i] = aboveSilenceFloor(sample) * gain;
        }
    }

    static void applyRampGain(float* __restrict samples, const float* __restrict gains,
                              std::size_t frames) noexcept;
    void processWithEvents(std::span<float* const> channels, std::size_t frames,
                           std::span<const ParameterEvent> events, std::size_t firstFrame) noexcept;
    void processRamping(std::span<float* const> channels, std::size_t frames) noexcept;
    void processFrom(std::span<float* const> channels, std::size_t start,
                     std::size_t frames) noexcept;
    void updateRampTarget() noexcept;

    Rows rows_;
    LinearRamp ramp_;
    double sampleRate_ = 48000.0;
    float targetGainDb_ = 0.0F;
    float targetGain_ = 1.0F;
    bool bypassed_ = false;
    std::array<float, kSliceFrames> sliceGains_{};
};

}  // namespace vstkit::dsp
