#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "vstkit/protocol/state.h"

namespace vstkit::formats::vst3 {

/// The largest component state read from a host stream: VstKit's blob plus
/// room for the few dozen bytes of a JUCE-made build's trailer.
inline constexpr std::size_t kMaxComponentStateBytes = protocol::kMaxStateBytes + 4096;

/// Parses a component state written by any VstKit build: this one's blob or
/// a JUCE-made build's (whose bypass lived in JUCE's trailer). Rejects
/// exactly what protocol::parseState rejects.
[[nodiscard]] protocol::StateParseResult parseComponentState(
    std::span<const protocol::ParamSpec> table, std::span<const std::uint8_t> blob);

}  // namespace vstkit::formats::vst3
