#pragma once

#include <RtAudio.h>

#include <memory>
#include <optional>
#include <string>

#include "audio_driver.h"
#include "audio_path.h"
#include "device_choice.h"

namespace vstkit::formats::standalone {

/// An open RtAudio stream whose callback runs an AudioPath. Every method is
/// for the main thread; the callback runs on RtAudio's (or JACK's) audio thread.
class AudioStream final : public AudioDriver {
  public:
    /// What to open: the chosen devices at the chosen rate, at most two
    /// channels each way, `bufferFrames` per block (JACK uses its own).
    struct Request {
        DeviceChoice devices;
        unsigned bufferFrames = 64;
        /// The JACK client name.
        std::string clientName;
    };

    /// Opens the stream (not yet running) and prepares `path` for it, starting
    /// at `values`. Returns nullptr with a one-line reason in `error` on failure.
    [[nodiscard]] static std::unique_ptr<AudioStream> open(const Request& request, AudioPath& path,
                                                           const protocol::ParamValues& values,
                                                           std::string& error);
    /// Stops and closes the stream.
    ~AudioStream() override;

    AudioStream(const AudioStream&) = delete;
    AudioStream& operator=(const AudioStream&) = delete;
    AudioStream(AudioStream&&) = delete;
    AudioStream& operator=(AudioStream&&) = delete;

    /// Returns false with a reason in `error` when the device refuses to start.
    [[nodiscard]] bool start(std::string& error) override;
    void stop() noexcept override;

    [[nodiscard]] unsigned sampleRate() const noexcept override { return sampleRate_; }
    /// The block size the device granted (JACK's period, for JACK).
    [[nodiscard]] unsigned bufferFrames() const noexcept override { return bufferFrames_; }
    [[nodiscard]] unsigned inputChannels() const noexcept { return inputChannels_; }
    [[nodiscard]] unsigned outputChannels() const noexcept { return outputChannels_; }

    /// Why the running stream died (a device error, or the JACK server quit),
    /// once it has.
    [[nodiscard]] std::optional<std::string> failure() const override;

  private:
    explicit AudioStream(RtAudio::Api api);

    static int onAudio(void* output, void* input, unsigned frames, double streamTime,
                       RtAudioStreamStatus status, void* path) noexcept;

    RtAudio::Api api_;
    RtAudio audio_;
    unsigned sampleRate_ = 0;
    unsigned bufferFrames_ = 0;
    unsigned inputChannels_ = 0;
    unsigned outputChannels_ = 0;
};

}  // namespace vstkit::formats::standalone
