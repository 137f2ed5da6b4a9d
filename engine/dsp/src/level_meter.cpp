#include "vstkit/dsp/level_meter.h"

#include <array>
#include <cmath>
#include <cstring>

namespace vstkit::dsp {

namespace {

/// Readings below -200 dBFS are silence: flushing them keeps the decays
/// from ever reaching denormal numbers.
constexpr float kFloor = 1e-10F;

/// Samples below this (-300 dBFS) are measured as silence: their squares
/// would be denormal numbers, which cost a hundred times more to add on
/// most CPUs (a quiet fade's tail would make metering the slowest thing here).
constexpr float kTinySample = 1e-15F;

/// Four samples at a time, with the compiler's vector extension (GCC and
/// Clang): the scalar loop's selects compile to branches, not to SIMD.
using Samples4 = float __attribute__((vector_size(16)));
using Mask4 = int __attribute__((vector_size(16)));

struct BlockLevels {
    float peak = 0.0F;
    float sumOfSquares = 0.0F;
    bool nonFinite = false;
};

/// One vector of samples into a lane's running peak and sum of squares.
struct LaneLevels {
    Samples4 peak{};
    Samples4 sum{};

    void add(const float* samples) noexcept {
        const Samples4 tiny{kTinySample, kTinySample, kTinySample, kTinySample};
        const Mask4 noSign{0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF};
        Mask4 bits;
        std::memcpy(&bits, samples, sizeof bits);
        Samples4 magnitude;
        const Mask4 magnitudeBits = bits & noSign;
        std::memcpy(&magnitude, &magnitudeBits, sizeof magnitude);
        // A NaN never wins the peak (the comparison is false), but it stays
        // in the sum (NaN < tiny is false too), which then says so.
        peak = magnitude > peak ? magnitude : peak;
        const Samples4 kept = magnitude < tiny ? Samples4{} : magnitude;
        sum += kept * kept;
    }
};

BlockLevels measureBlock(const float* samples, std::size_t frames) noexcept {
    // Four independent accumulators (named, so they stay in registers): one
    // chain of max and add would wait on itself every step.
    LaneLevels first;
    LaneLevels second;
    LaneLevels third;
    LaneLevels fourth;
    std::size_t frame = 0;
    for (; frame + 16 <= frames; frame += 16) {
        first.add(samples + frame);
        second.add(samples + frame + 4);
        third.add(samples + frame + 8);
        fourth.add(samples + frame + 12);
    }
    for (; frame + 4 <= frames; frame += 4) {
        first.add(samples + frame);
    }
    for (const LaneLevels* other : {&second, &third, &fourth}) {
        first.peak = other->peak > first.peak ? other->peak : first.peak;
        first.sum += other->sum;
    }
    BlockLevels levels;
    for (int lane = 0; lane < 4; ++lane) {
        levels.peak = first.peak[lane] > levels.peak ? first.peak[lane] : levels.peak;
        levels.sumOfSquares += first.sum[lane];
    }
    for (; frame < frames; ++frame) {
        const float magnitude = std::fabs(samples[frame]);
        levels.peak = magnitude > levels.peak ? magnitude : levels.peak;
        const float kept = magnitude < kTinySample ? 0.0F : magnitude;
        levels.sumOfSquares += kept * kept;
    }
    // NaN and Inf samples leave the sum NaN or Inf.
    levels.nonFinite = !std::isfinite(levels.sumOfSquares);
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
    if (block.nonFinite || block.peak > 1.0F) {
        ++clips_;
    }
    if (block.nonFinite) {
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
