#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "pluginterfaces/base/ibstream.h"

namespace vstkit::formats::vst3 {

/// Reads the rest of a host stream, up to maxBytes. std::nullopt when the
/// stream is longer (the whole state is then rejected) or unreadable.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> readWholeStream(Steinberg::IBStream* stream,
                                                                       std::size_t maxBytes);

/// Writes all bytes; false when the host's stream refuses any.
[[nodiscard]] bool writeWholeStream(Steinberg::IBStream* stream,
                                    std::span<const std::uint8_t> bytes);

}  // namespace vstkit::formats::vst3
