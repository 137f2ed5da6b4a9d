#pragma once

#include <filesystem>
#include <vector>

namespace vstkit::host {

/// Audio held as one vector per channel.
struct AudioClip {
    int sampleRate = 48000;
    std::vector<std::vector<float>> channels;

    [[nodiscard]] std::size_t frames() const noexcept {
        return channels.empty() ? 0 : channels[0].size();
    }
};

/// Reads any format libsndfile reads. Throws HostError with the reason.
[[nodiscard]] AudioClip readAudioFile(const std::filesystem::path& path);

/// Writes a 32-bit float WAV (no clipping at +24 dB). Throws HostError.
void writeWavFile(const std::filesystem::path& path, const AudioClip& clip);

}  // namespace vstkit::host
