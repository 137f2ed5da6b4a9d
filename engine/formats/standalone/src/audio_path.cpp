#include "audio_path.h"

#include <algorithm>
#include <array>

namespace vstkit::formats::standalone {

void AudioPath::prepare(double sampleRate, std::size_t maxFrames, std::size_t inputChannels,
                        std::size_t outputChannels, const protocol::ParamValues& values) {
    const std::size_t frames = std::max<std::size_t>(maxFrames, 1);
    left_.assign(frames, 0.0F);
    right_.assign(frames, 0.0F);
    inputChannels_ = std::min(inputChannels, kPluginChannels);
    outputChannels_ = std::min(outputChannels, kPluginChannels);
    core_.loadValues(values);
    core_.prepare(sampleRate, frames);
}

void AudioPath::process(const float* input, float* output, std::size_t frames,
                        bool deviceReportedXrun) noexcept {
    if (deviceReportedXrun) {
        xruns_.fetch_add(1, std::memory_order_relaxed);
    }
    applyEdits();
    if (left_.empty()) {
        return;  // Not prepared: the stream is never started before prepare().
    }
    const std::array<float*, kPluginChannels> channels{left_.data(), right_.data()};
    const std::size_t sliceFrames = left_.size();
    for (std::size_t first = 0; first < frames; first += sliceFrames) {
        const std::size_t count = std::min(sliceFrames, frames - first);
        readInput(input, frames, first, count);
        core_.process(channels, count);
        writeOutput(output, frames, first, count);
    }
    if (frames == 0) {
        core_.process(channels, 0);  // Still takes the edits.
    }
}

void AudioPath::applyEdits() noexcept {
    // Edits arrive between blocks, so they take effect at the block's start.
    while (const auto edit = edits_.pop()) {
        core_.events().add({0, edit->index, edit->plain}, false);
    }
}

void AudioPath::readInput(const float* input, std::size_t stride, std::size_t first,
                          std::size_t frames) noexcept {
    if (input == nullptr || inputChannels_ == 0) {
        std::fill_n(left_.begin(), frames, 0.0F);
        std::fill_n(right_.begin(), frames, 0.0F);
        return;
    }
    const float* const left = input + first;
    const float* const right = inputChannels_ > 1 ? left + stride : left;
    std::copy_n(left, frames, left_.begin());
    std::copy_n(right, frames, right_.begin());
}

void AudioPath::writeOutput(float* output, std::size_t stride, std::size_t first,
                            std::size_t frames) const noexcept {
    float* const left = output + first;
    if (outputChannels_ > 1) {
        std::copy_n(left_.begin(), frames, left);
        std::copy_n(right_.begin(), frames, left + stride);
        return;
    }
    for (std::size_t i = 0; i < frames; ++i) {
        left[i] = 0.5F * (left_[i] + right_[i]);
    }
}

}  // namespace vstkit::formats::standalone
