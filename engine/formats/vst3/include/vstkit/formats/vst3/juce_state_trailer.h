#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace vstkit::formats::vst3 {

/// A component state as VstKit's JUCE-made builds wrote it: VstKit's own
/// blob, then JUCE's private data (8 zero bytes, a serialised JUCE ValueTree
/// holding "Bypass", the tree's size as little-endian int64, and the ASCII
/// magic "JUCEPrivateData"). Blobs without the magic pass through whole.
struct SplitState {
    std::span<const std::uint8_t> vstkitState;
    /// The bypass JUCE stored, when the trailer holds a readable one.
    std::optional<bool> juceBypass;
};

[[nodiscard]] SplitState splitJuceTrailer(std::span<const std::uint8_t> blob) noexcept;

}  // namespace vstkit::formats::vst3
