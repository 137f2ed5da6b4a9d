#include "wav_file.h"

#include <sndfile.h>

#include "vst3/host_error.h"

namespace vstkit::host {

AudioClip readAudioFile(const std::filesystem::path& path) {
    SF_INFO info{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
    if (file == nullptr) {
        throw HostError("cannot read " + path.string() + ": " + sf_strerror(nullptr));
    }
    std::vector<float> interleaved(static_cast<std::size_t>(info.frames) *
                                   static_cast<std::size_t>(info.channels));
    const sf_count_t read = sf_readf_float(file, interleaved.data(), info.frames);
    sf_close(file);
    AudioClip clip;
    clip.sampleRate = info.samplerate;
    clip.channels.assign(static_cast<std::size_t>(info.channels),
                         std::vector<float>(static_cast<std::size_t>(read)));
    for (std::size_t frame = 0; frame < static_cast<std::size_t>(read); ++frame) {
        for (std::size_t channel = 0; channel < clip.channels.size(); ++channel) {
            clip.channels[channel][frame] = interleaved[frame * clip.channels.size() + channel];
        }
    }
    return clip;
}

void writeWavFile(const std::filesystem::path& path, const AudioClip& clip) {
    SF_INFO info{};
    info.samplerate = clip.sampleRate;
    info.channels = static_cast<int>(clip.channels.size());
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        throw HostError("cannot write " + path.string() + ": " + sf_strerror(nullptr));
    }
    std::vector<float> interleaved(clip.frames() * clip.channels.size());
    for (std::size_t frame = 0; frame < clip.frames(); ++frame) {
        for (std::size_t channel = 0; channel < clip.channels.size(); ++channel) {
            interleaved[frame * clip.channels.size() + channel] = clip.channels[channel][frame];
        }
    }
    const sf_count_t written =
        sf_writef_float(file, interleaved.data(), static_cast<sf_count_t>(clip.frames()));
    sf_close(file);
    if (written != static_cast<sf_count_t>(clip.frames())) {
        throw HostError("short write to " + path.string());
    }
}

}  // namespace vstkit::host
