#include "audio_path.h"

#include <algorithm>
#include <array>
#include <span>

namespace vstkit::formats::standalone {

namespace {

core::ChannelLayout layoutToRun(const core::AudioFacts& audio) noexcept {
    return audio.accepts(core::kStereo) ? core::kStereo : audio.layouts.front();
}

}  // namespace

AudioPath::AudioPath()
    : core_(core::pluginDefinition()), layout_(layoutToRun(core::pluginDefinition().audio)) {}

void AudioPath::prepare(double sampleRate, std::size_t maxFrames, std::size_t inputChannels,
                        std::size_t outputChannels, const protocol::ParamValues& values) {
    const std::size_t frames = std::max<std::size_t>(maxFrames, 1);
    left_.assign(frames, 0.0F);
    right_.assign(frames, 0.0F);
    inputChannels_ = std::min<std::size_t>(inputChannels, core::kMaxLayoutChannels);
    outputChannels_ = std::min<std::size_t>(outputChannels, core::kMaxLayoutChannels);
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
    const std::array<float*, core::kMaxLayoutChannels> buffers{left_.data(), right_.data()};
    const std::span<float* const> channels{buffers.data(), layout_.outputs};
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
    if (input == nullptr || inputChannels_ == 0 || layout_.inputs == 0) {
        std::fill_n(left_.begin(), frames, 0.0F);
        std::fill_n(right_.begin(), frames, 0.0F);
        return;
    }
    const float* const left = input + first;
    std::copy_n(left, frames, left_.begin());
    if (layout_.inputs > 1) {
        std::copy_n(inputChannels_ > 1 ? left + stride : left, frames, right_.begin());
    } else {
        std::fill_n(right_.begin(), frames, 0.0F);  // A second output starts silent.
    }
}

void AudioPath::writeOutput(float* output, std::size_t stride, std::size_t first,
                            std::size_t frames) const noexcept {
    float* const left = output + first;
    if (layout_.outputs == 1) {
        std::copy_n(left_.begin(), frames, left);
        if (outputChannels_ > 1) {
            std::copy_n(left_.begin(), frames, left + stride);
        }
        return;
    }
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
