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

/// One vector of samples into a lane's running peak, NaN mask and sum.
struct LaneLevels {
    Samples4 peak{};
    Samples4 sum{};
    Mask4 notANumber{};

    void add(const float* samples) noexcept {
        const Samples4 tiny{kTinySample, kTinySample, kTinySample, kTinySample};
        Samples4 block;
        std::memcpy(&block, samples, sizeof block);
        const Samples4 magnitude = block < 0 ? -block : block;
        // A NaN never wins the peak (the comparison is false); it is noted apart.
        peak = magnitude > peak ? magnitude : peak;
        notANumber |= magnitude != magnitude;
        const Samples4 kept = magnitude >= tiny ? magnitude : Samples4{};
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
        first.notANumber |= other->notANumber;
    }
    std::array<LaneLevels, 1> lanes{first};
    const Samples4 peaks = lanes[0].peak;
    const Samples4 sums = lanes[0].sum;
    const Mask4 notANumber = lanes[0].notANumber;
    BlockLevels levels;
    for (int lane = 0; lane < 4; ++lane) {
        levels.peak = peaks[lane] > levels.peak ? peaks[lane] : levels.peak;
        levels.sumOfSquares += sums[lane];
        levels.nonFinite = levels.nonFinite || notANumber[lane] != 0;
    }
    for (; frame < frames; ++frame) {
        const float magnitude = std::fabs(samples[frame]);
        levels.peak = magnitude > levels.peak ? magnitude : levels.peak;
        levels.nonFinite = levels.nonFinite || magnitude != magnitude;
        const float kept = magnitude >= kTinySample ? magnitude : 0.0F;
        levels.sumOfSquares += kept * kept;
    }
    levels.nonFinite = levels.nonFinite || !std::isfinite(levels.sumOfSquares);
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
