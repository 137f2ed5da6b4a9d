#include "legacy_base64.h"

#include <charconv>
#include <cstddef>

namespace vstkit::formats::lv2 {
namespace {

constexpr std::string_view kAlphabet =
    ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+";
// Old sessions are small; anything bigger than this is not one of our states.
constexpr std::size_t kMaxDecodedBytes = 1 << 20;

}  // namespace

std::optional<std::vector<std::uint8_t>> decodeJuceBase64(std::string_view text) {
    // JUCE stores the terminating NUL as part of the string; tolerate it.
    while (!text.empty() && text.back() == '\0') {
        text.remove_suffix(1);
    }
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0) {
        return std::nullopt;
    }
    std::size_t byteCount = 0;
    const auto* countEnd = text.data() + dot;
    const auto parsed = std::from_chars(text.data(), countEnd, byteCount);
    if (parsed.ec != std::errc{} || parsed.ptr != countEnd || byteCount > kMaxDecodedBytes) {
        return std::nullopt;
    }
    const auto chars = text.substr(dot + 1);
    if (chars.size() != (byteCount * 8 + 5) / 6) {
        return std::nullopt;
    }

    std::vector<std::uint8_t> bytes;
    bytes.reserve(byteCount);
    std::uint32_t pending = 0;
    int pendingBits = 0;
    for (const char c : chars) {
        const auto value = kAlphabet.find(c);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        pending |= static_cast<std::uint32_t>(value) << pendingBits;
        pendingBits += 6;
        while (pendingBits >= 8 && bytes.size() < byteCount) {
            bytes.push_back(static_cast<std::uint8_t>(pending & 0xFFU));
            pending >>= 8;
            pendingBits -= 8;
        }
    }
    if (bytes.size() != byteCount) {
        return std::nullopt;
    }
    return bytes;
}

}  // namespace vstkit::formats::lv2
