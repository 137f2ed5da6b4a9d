#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

namespace vstkit::core {

/// Audio channels on the main input and output. The processor works in
/// place on the output channels: the first `inputs` of them hold the input,
/// any others start silent.
struct ChannelLayout {
    std::uint32_t inputs = 2;
    std::uint32_t outputs = 2;

    friend constexpr bool operator==(ChannelLayout, ChannelLayout) = default;
};

/// Mono and stereo are what every format maps; fixed buffers are this wide.
inline constexpr std::uint32_t kMaxLayoutChannels = 2;

inline constexpr ChannelLayout kMono{1, 1};
inline constexpr ChannelLayout kStereo{2, 2};
inline constexpr ChannelLayout kMonoToStereo{1, 2};

/// Stereo, and mono when a host asks for it: what a channel-by-channel
/// effect such as a gain or a filter supports.
inline constexpr std::array<ChannelLayout, 2> kStereoOrMono{kStereo, kMono};

/// How long the output may go on after the input falls silent: what a host
/// must keep processing so that nothing is cut.
class TailLength {
  public:
    enum class Kind : std::uint8_t { NoTail, Samples, Seconds, UntilSilent };

    /// Silent input gives silent output at once (a gain).
    [[nodiscard]] static constexpr TailLength none() noexcept { return {Kind::NoTail, 0.0}; }
    [[nodiscard]] static constexpr TailLength samples(std::uint32_t count) noexcept {
        return {Kind::Samples, static_cast<double>(count)};
    }
    /// At most this long at any sample rate and any setting (a filter's ring).
    [[nodiscard]] static constexpr TailLength seconds(double length) noexcept {
        return {Kind::Seconds, length};
    }
    /// No bound known in advance (an echo with feedback): the host keeps
    /// processing, and the processor's ProcessStatus says when it is silent.
    [[nodiscard]] static constexpr TailLength untilSilent() noexcept {
        return {Kind::UntilSilent, 0.0};
    }

    [[nodiscard]] constexpr Kind kind() const noexcept { return kind_; }
    [[nodiscard]] constexpr bool isUnbounded() const noexcept { return kind_ == Kind::UntilSilent; }

    /// The tail in samples at this rate, rounded up; for UntilSilent the
    /// largest count.
    [[nodiscard]] std::uint32_t inSamples(double sampleRate) const noexcept {
        constexpr auto kLargest = std::numeric_limits<std::uint32_t>::max();
        switch (kind_) {
            case Kind::NoTail:
                return 0;
            case Kind::Samples:
                return static_cast<std::uint32_t>(amount_);
            case Kind::Seconds: {
                const double frames = std::ceil(amount_ * sampleRate);
                return frames >= static_cast<double>(kLargest) ? kLargest - 1
                       : frames > 0.0                          ? static_cast<std::uint32_t>(frames)
                                                               : 0;
            }
            case Kind::UntilSilent:
                return kLargest;
        }
        return 0;
    }

  private:
    constexpr TailLength(Kind kind, double amount) noexcept : kind_(kind), amount_(amount) {}

    Kind kind_;
    double amount_;
};

/// What a plugin declares about its audio in plugin.h (`audio`), for the
/// formats to tell hosts. The defaults are a channel-by-channel effect with
/// no memory: stereo or mono, no tail, no latency.
struct AudioFacts {
    /// The layouts the plugin accepts; the first is what it offers a host
    /// first. LV2 has fixed ports, so its bundle has the first one only.
    std::span<const ChannelLayout> layouts{kStereoOrMono};
    TailLength tail = TailLength::none();
    /// Samples the output lags behind the input, reported to hosts for delay
    /// compensation.
    std::uint32_t latencySamples = 0;

    [[nodiscard]] constexpr bool accepts(ChannelLayout layout) const noexcept {
        for (const auto accepted : layouts) {
            if (accepted == layout) {
                return true;
            }
        }
        return false;
    }
};

/// The facts are checked when the plugin is declared: a plugin has at least
/// one layout, each with one or two outputs and no more inputs than outputs
/// (the processor works in place on the outputs).
[[nodiscard]] constexpr bool isValidAudioFacts(const AudioFacts& facts) noexcept {
    if (facts.layouts.empty()) {
        return false;
    }
    for (const auto layout : facts.layouts) {
        if (layout.outputs < 1 || layout.outputs > kMaxLayoutChannels ||
            layout.inputs > layout.outputs) {
            return false;
        }
    }
    return true;
}

}  // namespace vstkit::core
