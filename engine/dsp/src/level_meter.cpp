#include "vstkit/dsp/level_meter.h"

#include <array>
#include <cmath>

namespace vstkit::dsp {

namespace {

/// Readings below -200 dBFS are silence: flushing them keeps the decays
/// from ever reaching denormal numbers.
constexpr float kFloor = 1e-10F;

/// Independent lanes the compiler can vectorise (a float max or sum in one
/// accumulator is a serial chain it may not reorder).
constexpr std::size_t kLanes = 8;

struct BlockLevels {
    float peak = 0.0F;
    float sumOfSquares = 0.0F;
};

BlockLevels measureBlock(const float* samples, std::size_t frames) noexcept {
    std::array<float, kLanes> peaks{};
    std::array<float, kLanes> sums{};
    std::size_t frame = 0;
    for (; frame + kLanes <= frames; frame += kLanes) {
        for (std::size_t lane = 0; lane < kLanes; ++lane) {
            const float sample = samples[frame + lane];
            const float magnitude = std::fabs(sample);
            // Written so that a NaN never wins: the comparison is false.
            peaks[lane] = magnitude > peaks[lane] ? magnitude : peaks[lane];
            sums[lane] += sample * sample;
        }
    }
    for (; frame < frames; ++frame) {
        const float magnitude = std::fabs(samples[frame]);
        peaks[0] = magnitude > peaks[0] ? magnitude : peaks[0];
        sums[0] += samples[frame] * samples[frame];
    }
    BlockLevels levels;
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
        levels.peak = peaks[lane] > levels.peak ? peaks[lane] : levels.peak;
        levels.sumOfSquares += sums[lane];
    }
    return levels;
}

}  // namespace

void LevelMeter::prepare(double sampleRate) noexcept {
    sampleRate_ = sampleRate > 0.0 ? sampleRate : 48000.0;  // NaN fails the test too.
    factorFrames_ = 0;
    reset();
}

void LevelMeter::reset() noexcept {
    peak_ = 0.0F;
    meanSquare_ = 0.0F;
    holdFramesLeft_ = 0.0;
}

float LevelMeter::rms() const noexcept {
    return std::sqrt(meanSquare_);
}

void LevelMeter::updateFactors(std::size_t frames) noexcept {
    factorFrames_ = frames;
    const double seconds = static_cast<double>(frames) / sampleRate_;
    constexpr double kNepersPerDb = 0.11512925464970229;  // ln(10) / 20
    peakFall_ = static_cast<float>(std::exp(-kPeakFallDbPerSecond * kNepersPerDb * seconds));
    rmsKeep_ = static_cast<float>(std::exp(-seconds / kRmsIntegrationSeconds));
}

void LevelMeter::measure(const float* samples, std::size_t frames) noexcept {
    if (frames == 0) {
        return;
    }
    const BlockLevels block = measureBlock(samples, frames);
    if (!std::isfinite(block.sumOfSquares) || block.peak > 1.0F) {
        ++clips_;
    }
    if (!std::isfinite(block.sumOfSquares)) {
        return;  // NaN or Inf: a clip, but no reading to trust.
    }
    if (frames != factorFrames_) {
        updateFactors(frames);
    }
    if (block.peak >= peak_) {
        peak_ = block.peak;
        holdFramesLeft_ = kPeakHoldSeconds * sampleRate_;
    } else if (holdFramesLeft_ > 0.0) {
        holdFramesLeft_ -= static_cast<double>(frames);
    } else {
        peak_ = std::fmax(peak_ * peakFall_, block.peak);
    }
    const float blockMeanSquare = block.sumOfSquares / static_cast<float>(frames);
    meanSquare_ = blockMeanSquare + (meanSquare_ - blockMeanSquare) * rmsKeep_;
    if (peak_ < kFloor) {
        peak_ = 0.0F;
    }
    if (meanSquare_ < kFloor * kFloor) {
        meanSquare_ = 0.0F;
    }
}

}  // namespace vstkit::dsp
