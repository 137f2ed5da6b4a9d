#pragma once

#include <cstdint>
#include <span>

#include "vstkit/protocol/state.h"

namespace vstkit::formats::vst3 {

/// Parses a component state written by any VstKit build: this one's blob or
/// a JUCE-made build's (whose bypass lived in JUCE's trailer). Rejects
/// exactly what protocol::parseState rejects.
[[nodiscard]] protocol::StateParseResult parseComponentState(std::span<const std::uint8_t> blob);

}  // namespace vstkit::formats::vst3
