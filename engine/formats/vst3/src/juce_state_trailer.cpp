#include "vstkit/formats/vst3/juce_state_trailer.h"

#include <algorithm>
#include <string_view>

namespace vstkit::formats::vst3 {
namespace {

constexpr std::string_view kMagic = "JUCEPrivateData";
constexpr std::size_t kSizeField = 8;
constexpr std::size_t kLeadingZeros = 8;

std::uint64_t readLittleEndian64(const std::uint8_t* bytes) noexcept {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) {
        value = (value << 8U) | bytes[i];
    }
    return value;
}

/// In the ValueTree, a property is its NUL-terminated name, then the value
/// as a JUCE var: a compressed int size (here 01 01), then a type marker:
/// 2 for true, 3 for false.
std::optional<bool> findBypass(std::span<const std::uint8_t> tree) noexcept {
    constexpr std::string_view kProperty{"Bypass\0\x01\x01", 9};
    const auto found = std::search(tree.begin(), tree.end(), kProperty.begin(), kProperty.end());
    if (found == tree.end() ||
        tree.end() - found <= static_cast<std::ptrdiff_t>(kProperty.size())) {
        return std::nullopt;
    }
    const std::uint8_t marker = *(found + static_cast<std::ptrdiff_t>(kProperty.size()));
    if (marker == 2) {
        return true;
    }
    if (marker == 3) {
        return false;
    }
    return std::nullopt;
}

}  // namespace

SplitState splitJuceTrailer(std::span<const std::uint8_t> blob) noexcept {
    const std::size_t fixed = kMagic.size() + kSizeField + kLeadingZeros;
    if (blob.size() < fixed ||
        !std::equal(kMagic.begin(), kMagic.end(), blob.end() - static_cast<long>(kMagic.size()))) {
        return {blob, std::nullopt};
    }
    const std::uint64_t treeSize =
        readLittleEndian64(blob.data() + blob.size() - kMagic.size() - kSizeField);
    if (treeSize > blob.size() - fixed) {
        return {blob, std::nullopt};  // Not a trailer after all; the parser will judge it.
    }
    const std::size_t treeStart = blob.size() - kMagic.size() - kSizeField - treeSize;
    const std::size_t ownEnd = treeStart - kLeadingZeros;
    // JUCE writes a zero int64 before the tree; anything else is not a trailer.
    if (!std::all_of(blob.begin() + static_cast<long>(ownEnd),
                     blob.begin() + static_cast<long>(treeStart),
                     [](std::uint8_t byte) { return byte == 0; })) {
        return {blob, std::nullopt};
    }
    return {blob.first(ownEnd), findBypass(blob.subspan(treeStart, treeSize))};
}

}  // namespace vstkit::formats::vst3
