#include "echo_processor.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <numbers>

namespace vstkit_echo {
namespace {

using vstkit::core::ProcessStatus;
using vstkit::dsp::ParameterEvent;

constexpr double kFallbackSampleRate = 48000.0;
// The interpolated read needs the sample one older than the longest delay;
// the second spare keeps a rounded-up longest delay inside the line.
constexpr std::size_t kLineMarginSamples = 2;
// 2^26 samples (256 MB) is a second at 67 MHz: far past any real rate, and a
// bound that keeps a nonsense rate from asking for all memory.
constexpr double kLongestLineSamples = 67108864.0;

// Non-finite input would circulate in the line for good: read it as silence.
float finiteOrSilence(float sample) noexcept {
    return std::isfinite(sample) ? sample : 0.0F;
}

// Decaying repeats would otherwise sink into denormals, slow and never zero.
float quietAsZero(float sample) noexcept {
    return std::fabs(sample) < EchoProcessor::kSilenceFloor ? 0.0F : sample;
}

std::uint32_t frames(double seconds, double sampleRate) noexcept {
    return static_cast<std::uint32_t>(std::clamp(std::round(seconds * sampleRate), 1.0, 1.0e7));
}

}  // namespace

EchoProcessor::EchoProcessor() noexcept {
    timeMs_.jumpTo(kDefaultTimeMs);
    feedback_.jumpTo(kDefaultFeedbackPercent / 100.0F);
    toneOctaves_.jumpTo(std::log2(kDefaultToneHz));
    mix_.jumpTo(kDefaultMixPercent / 100.0F);
    wet_.jumpTo(1.0F);
    setRampLengths();
    setToneCoefficient(toneOctaves_.target());
}

void EchoProcessor::setRampLengths() noexcept {
    timeMs_.setLength(frames(kTimeGlideSeconds, sampleRate_));
    feedback_.setLength(frames(kGlideSeconds, sampleRate_));
    toneOctaves_.setLength(frames(kGlideSeconds, sampleRate_));
    mix_.setLength(frames(kGlideSeconds, sampleRate_));
    wet_.setLength(frames(kCrossfadeSeconds, sampleRate_));
}

void EchoProcessor::setToneCoefficient(float toneOctaves) noexcept {
    // The one-pole's step toward its input each sample, for a -3 dB point at
    // the tone frequency; always in (0, 1), so stable even past Nyquist.
    const double cutoffHz = std::exp2(static_cast<double>(toneOctaves));
    toneCoefficient_ =
        static_cast<float>(1.0 - std::exp(-2.0 * std::numbers::pi * cutoffHz / sampleRate_));
}

void EchoProcessor::prepare(double sampleRate, std::size_t /*maxBlockFrames*/) noexcept {
    sampleRate_ = sampleRate > 0.0 && std::isfinite(sampleRate) ? sampleRate : kFallbackSampleRate;
    samplesPerMs_ = sampleRate_ / 1000.0;
    setRampLengths();
    const double longestDelay =
        std::min(std::ceil(static_cast<double>(kMaxTimeMs) * samplesPerMs_), kLongestLineSamples);
    try {
        line_.assign(static_cast<std::size_t>(longestDelay) + kLineMarginSamples, 0.0F);
    } catch (const std::bad_alloc&) {
        // No memory for the line: pass the input through rather than fail.
        line_.clear();
    }
    reset();
}

void EchoProcessor::reset() noexcept {
    timeMs_.jumpTo(timeMs_.target());
    feedback_.jumpTo(feedback_.target());
    toneOctaves_.jumpTo(toneOctaves_.target());
    mix_.jumpTo(mix_.target());
    wet_.jumpTo(wet_.target());
    setToneCoefficient(toneOctaves_.target());
    toneState_ = 0.0F;
    std::fill(line_.begin(), line_.end(), 0.0F);
    writeIndex_ = 0;
    silentWrites_ = line_.size();
}

void EchoProcessor::apply(const ParameterEvent& event) noexcept {
    const float value = event.value;
    if (!std::isfinite(value)) {
        return;
    }
    switch (static_cast<EchoRow>(event.index)) {
        case EchoRow::Time:
            timeMs_.setTarget(std::clamp(value, kMinTimeMs, kMaxTimeMs));
            break;
        case EchoRow::Feedback:
            // Never 100%: the loop must always die away.
            feedback_.setTarget(std::clamp(value, 0.0F, kMaxFeedbackPercent) / 100.0F);
            break;
        case EchoRow::Tone:
            toneOctaves_.setTarget(std::log2(std::clamp(value, kMinToneHz, kMaxToneHz)));
            break;
        case EchoRow::Mix:
            mix_.setTarget(std::clamp(value, 0.0F, 100.0F) / 100.0F);
            break;
        case EchoRow::Bypass:
            wet_.setTarget(value >= 0.5F ? 0.0F : 1.0F);
            break;
    }
}

ProcessStatus EchoProcessor::process(std::span<float* const> channels, std::size_t frames,
                                     std::span<const ParameterEvent> events) noexcept {
    // What the line holds now can come out anywhere in this block, and so
    // can what this block writes into it (the shortest time is 1 ms).
    bool mayRing = !lineIsSilent();
    float* const samples = channels.empty() ? nullptr : channels[0];
    std::size_t done = 0;
    for (const auto& event : events) {
        const std::size_t offset = std::min<std::size_t>(event.offset, frames);
        if (offset > done) {
            mayRing = render(samples, done, offset - done) || mayRing;
            done = offset;
        }
        apply(event);
    }
    if (frames > done) {
        mayRing = render(samples, done, frames - done) || mayRing;
    }
    return mayRing ? ProcessStatus::Tail : ProcessStatus::Normal;
}

float EchoProcessor::readDelayed(double delaySamples) const noexcept {
    // The sample written `age` samples ago is `age` slots behind the write
    // position; delaySamples is in [1, size - 1], so both ages are in the line.
    const std::size_t size = line_.size();
    const auto age = static_cast<std::size_t>(delaySamples);
    const auto fraction = static_cast<float>(delaySamples - static_cast<double>(age));
    const std::size_t newer = (writeIndex_ + size - age) % size;
    const std::size_t older = newer == 0 ? size - 1 : newer - 1;
    return line_[newer] + fraction * (line_[older] - line_[newer]);
}

bool EchoProcessor::render(float* samples, std::size_t start, std::size_t frames) noexcept {
    if (line_.empty()) {
        return false;
    }
    const std::size_t size = line_.size();
    const auto longestDelay = static_cast<double>(size - 1);
    bool wroteSound = false;
    for (std::size_t i = start; i < start + frames; ++i) {
        if (toneOctaves_.isRamping()) {
            setToneCoefficient(toneOctaves_.next());
        }
        // A gliding time moves the read position smoothly through the line,
        // which bends the pitch like a tape speed change instead of clicking.
        const double delay =
            std::clamp(static_cast<double>(timeMs_.next()) * samplesPerMs_, 1.0, longestDelay);
        const float feedback = feedback_.next();
        const float mix = mix_.next();
        const float wet = wet_.next();

        const float dry = samples != nullptr ? finiteOrSilence(samples[i]) : 0.0F;
        const float delayed = readDelayed(delay);
        toneState_ = quietAsZero(toneState_ + toneCoefficient_ * (delayed - toneState_));
        const float written = quietAsZero(dry + feedback * toneState_);
        line_[writeIndex_] = written;
        writeIndex_ = writeIndex_ + 1 == size ? 0 : writeIndex_ + 1;
        if (written != 0.0F) {
            silentWrites_ = 0;
            wroteSound = true;
        } else if (silentWrites_ < size) {
            ++silentWrites_;
        }

        if (samples != nullptr) {
            const float echoed = dry + mix * (delayed - dry);
            samples[i] = dry + wet * (echoed - dry);
        }
    }
    return wroteSound;
}

}  // namespace vstkit_echo
