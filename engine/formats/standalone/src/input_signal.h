#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vstkit::formats::standalone {

/// What a null output plays into the plugin when there is no sound card:
/// `--input tone` (a 440 Hz sine at -12 dBFS), `--input noise` (white noise,
/// -12 dBFS peak) or `--input FILE.wav` (the file, looped; mono goes to
/// both sides).
class InputSignal final {
  public:
    static constexpr float kToneHz = 440.0F;
    static constexpr float kLevel = 0.25F;  // -12 dBFS

    struct Parsed;
    /// The signal `spec` names, or a one-line reason it cannot be played.
    [[nodiscard]] static Parsed parse(std::string_view spec);

    /// "a 440 Hz tone at -12 dBFS", "loop.wav (2.0 s, 48000 Hz, looped)".
    [[nodiscard]] std::string describe() const;
    /// A file plays at its own rate; the generated signals at any.
    [[nodiscard]] std::optional<unsigned> fileRate() const noexcept;

    /// Main thread, before any block.
    void prepare(double sampleRate) noexcept;
    /// Audio thread: the next `frames` samples of each side. Never allocates.
    void fill(float* left, float* right, std::size_t frames) noexcept;

  private:
    enum class Kind { Tone, Noise, File };
    InputSignal(Kind kind, std::string name) : kind_(kind), name_(std::move(name)) {}

    Kind kind_;
    std::string name_;
    double phase_ = 0.0;
    double phaseStep_ = 0.0;
    std::uint32_t noiseState_ = 0x9E3779B9U;
    // A file's samples, one run per side, and where playback is.
    std::vector<float> fileLeft_;
    std::vector<float> fileRight_;
    unsigned fileRate_ = 0;
    std::size_t filePosition_ = 0;
};

struct InputSignal::Parsed {
    std::optional<InputSignal> signal;
    std::string error;
};

}  // namespace vstkit::formats::standalone
