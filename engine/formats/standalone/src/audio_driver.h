#pragma once

#include <optional>
#include <string>

namespace vstkit::formats::standalone {

/// What runs the audio path's blocks: a device (AudioStream) or the clock of
/// a null output (ClockedOutput). Main thread only.
class AudioDriver {
  public:
    virtual ~AudioDriver() = default;
    /// Returns false with a reason in `error` when it cannot start.
    [[nodiscard]] virtual bool start(std::string& error) = 0;
    virtual void stop() noexcept = 0;
    [[nodiscard]] virtual unsigned sampleRate() const noexcept = 0;
    [[nodiscard]] virtual unsigned bufferFrames() const noexcept = 0;
    /// Why the running audio died, once it has.
    [[nodiscard]] virtual std::optional<std::string> failure() const = 0;

  protected:
    AudioDriver() = default;
    AudioDriver(const AudioDriver&) = default;
    AudioDriver& operator=(const AudioDriver&) = default;
    AudioDriver(AudioDriver&&) = default;
    AudioDriver& operator=(AudioDriver&&) = default;
};

}  // namespace vstkit::formats::standalone
