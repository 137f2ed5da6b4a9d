#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace vstkit::formats::lv2 {

/// Decodes the text JUCE 7's MemoryBlock::toBase64Encoding writes, which is
/// how the JUCE-made builds of our LV2 stored their state: "<byte count>.<chars>",
/// each char one of ".A-Za-z0-9+" carrying 6 bits, packed least significant
/// bit first. Not RFC 4648 base64. Returns nothing for text that is not
/// exactly such an encoding (wrong count, foreign characters, too short).
[[nodiscard]] std::optional<std::vector<std::uint8_t>> decodeJuceBase64(std::string_view text);

}  // namespace vstkit::formats::lv2
