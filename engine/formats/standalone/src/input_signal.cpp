#include "input_signal.h"

#include <sndfile.h>

#include <cmath>
#include <numbers>

namespace vstkit::formats::standalone {
namespace {

/// Longer files are almost surely a mistake for a dev loop, and would sit in memory.
constexpr double kMaxFileSeconds = 600.0;

std::string secondsText(double seconds) {
    const long tenths = std::lround(seconds * 10.0);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

}  // namespace

InputSignal::Parsed InputSignal::parse(std::string_view spec) {
    if (spec == "tone") {
        return {InputSignal{Kind::Tone, "tone"}, {}};
    }
    if (spec == "noise") {
        return {InputSignal{Kind::Noise, "noise"}, {}};
    }
    if (spec.empty()) {
        return {std::nullopt, "--input takes tone, noise or a WAV file"};
    }
    const std::string path{spec};
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        return {std::nullopt, "--input " + path + ": " + sf_strerror(nullptr) +
                                  " (give tone, noise or a WAV file)"};
    }
    const double seconds =
        info.samplerate > 0 ? static_cast<double>(info.frames) / info.samplerate : 0.0;
    if (info.frames <= 0 || info.channels <= 0 || seconds > kMaxFileSeconds) {
        sf_close(file);
        return {std::nullopt, "--input " + path + ": " +
                                  (info.frames <= 0 ? std::string{"the file holds no audio"}
                                                    : "longer than 10 minutes")};
    }
    const auto frames = static_cast<std::size_t>(info.frames);
    const auto channels = static_cast<std::size_t>(info.channels);
    std::vector<float> interleaved(frames * channels);
    const sf_count_t read = sf_readf_float(file, interleaved.data(), info.frames);
    sf_close(file);
    if (read != info.frames) {
        return {std::nullopt, "--input " + path + ": the file ends early"};
    }
    InputSignal signal{Kind::File, path};
    signal.fileRate_ = static_cast<unsigned>(info.samplerate);
    signal.fileLeft_.resize(frames);
    signal.fileRight_.resize(frames);
    for (std::size_t frame = 0; frame < frames; ++frame) {
        signal.fileLeft_[frame] = interleaved[frame * channels];
        signal.fileRight_[frame] = interleaved[frame * channels + (channels > 1 ? 1 : 0)];
    }
    return {std::move(signal), {}};
}

std::string InputSignal::describe() const {
    switch (kind_) {
        case Kind::Tone:
            return "a 440 Hz tone at -12 dBFS";
        case Kind::Noise:
            return "white noise at -12 dBFS peak";
        case Kind::File:
            break;
    }
    return name_ + " (" +
           secondsText(static_cast<double>(fileLeft_.size()) / static_cast<double>(fileRate_)) +
           ", looped)";
}

std::optional<unsigned> InputSignal::fileRate() const noexcept {
    return kind_ == Kind::File ? std::optional<unsigned>{fileRate_} : std::nullopt;
}

void InputSignal::prepare(double sampleRate) noexcept {
    phase_ = 0.0;
    phaseStep_ = 2.0 * std::numbers::pi * kToneHz / sampleRate;
    filePosition_ = 0;
}

void InputSignal::fill(float* left, float* right, std::size_t frames) noexcept {
    // One loop per kind: the kind is chosen once per block, not per sample.
    switch (kind_) {
        case Kind::Tone:
            for (std::size_t frame = 0; frame < frames; ++frame) {
                left[frame] = right[frame] = kLevel * static_cast<float>(std::sin(phase_));
                phase_ += phaseStep_;
                if (phase_ >= 2.0 * std::numbers::pi) {
                    phase_ -= 2.0 * std::numbers::pi;
                }
            }
            break;
        case Kind::Noise:
            for (std::size_t frame = 0; frame < frames; ++frame) {
                // xorshift32: cheap, allocation-free, and the same every run.
                noiseState_ ^= noiseState_ << 13U;
                noiseState_ ^= noiseState_ >> 17U;
                noiseState_ ^= noiseState_ << 5U;
                left[frame] = right[frame] =
                    kLevel * (static_cast<float>(noiseState_) / 4294967295.0F * 2.0F - 1.0F);
            }
            break;
        case Kind::File:
            for (std::size_t frame = 0; frame < frames; ++frame) {
                left[frame] = fileLeft_[filePosition_];
                right[frame] = fileRight_[filePosition_];
                filePosition_ = filePosition_ + 1 == fileLeft_.size() ? 0 : filePosition_ + 1;
            }
            break;
    }
}

}  // namespace vstkit::formats::standalone
