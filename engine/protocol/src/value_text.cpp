#include "vstkit/protocol/value_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "vstkit/protocol/normalized.h"

namespace vstkit::protocol {
namespace {

[[nodiscard]] bool isAsciiSpace(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Text typed through an input method or pasted from a document is UTF-8, and
// may carry the typographic forms of a space or a minus sign.
constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kMinusSign = "\u2212";
constexpr std::string_view kSmallHyphenMinus = "\uFE63";
constexpr std::string_view kFullwidthHyphenMinus = "\uFF0D";

/// The length in bytes of the space `text` starts with, or 0.
[[nodiscard]] std::size_t leadingSpace(std::string_view text) noexcept {
    if (!text.empty() && isAsciiSpace(text.front())) {
        return 1;
    }
    for (const std::string_view space : {kNoBreakSpace, kNarrowNoBreakSpace}) {
        if (text.starts_with(space)) {
            return space.size();
        }
    }
    return 0;
}

/// The length in bytes of the space `text` ends with, or 0.
[[nodiscard]] std::size_t trailingSpace(std::string_view text) noexcept {
    if (!text.empty() && isAsciiSpace(text.back())) {
        return 1;
    }
    for (const std::string_view space : {kNoBreakSpace, kNarrowNoBreakSpace}) {
        if (text.ends_with(space)) {
            return space.size();
        }
    }
    return 0;
}

[[nodiscard]] std::string_view trim(std::string_view text) noexcept {
    for (std::size_t length = leadingSpace(text); length > 0; length = leadingSpace(text)) {
        text.remove_prefix(length);
    }
    for (std::size_t length = trailingSpace(text); length > 0; length = trailingSpace(text)) {
        text.remove_suffix(length);
    }
    return text;
}

/// The length in bytes of the minus sign `text` starts with, in any of its forms, or 0.
[[nodiscard]] std::size_t leadingMinus(std::string_view text) noexcept {
    if (text.starts_with('-')) {
        return 1;
    }
    for (const std::string_view minus : {kMinusSign, kSmallHyphenMinus, kFullwidthHyphenMinus}) {
        if (text.starts_with(minus)) {
            return minus.size();
        }
    }
    return 0;
}

[[nodiscard]] char toLowerAscii(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] bool equalsIgnoringCase(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return toLowerAscii(x) == toLowerAscii(y);
           });
}

constexpr std::string_view kToggleOffText = "Off";
constexpr std::string_view kToggleOnText = "On";

std::string_view copyInto(std::string_view text, std::span<char, kMaxValueTextLength> buffer) {
    const std::size_t length = std::min(text.size(), buffer.size());
    std::copy_n(text.begin(), length, buffer.begin());
    return {buffer.data(), length};
}

/// "on", "off", "true", "false", "yes", "no", "1", "0", any letter case.
std::optional<float> parseToggle(const ParamSpec& spec, std::string_view text) noexcept {
    for (const std::string_view on : {"on", "true", "yes", "1"}) {
        if (equalsIgnoringCase(text, on)) {
            return spec.maxValue;
        }
    }
    for (const std::string_view off : {"off", "false", "no", "0"}) {
        if (equalsIgnoringCase(text, off)) {
            return spec.minValue;
        }
    }
    return std::nullopt;
}

/// A choice's label, in any letter case, or its index as a whole number.
std::optional<float> parseChoice(const ParamSpec& spec, std::string_view text) noexcept {
    for (std::size_t index = 0; index < spec.choices.size(); ++index) {
        if (equalsIgnoringCase(text, spec.choices[index])) {
            return static_cast<float>(index);
        }
    }
    std::size_t index = 0;
    const char* const end = text.data() + text.size();
    const auto [cursor, error] = std::from_chars(text.data(), end, index);
    if (text.empty() || error != std::errc{} || cursor != end || index >= spec.choices.size()) {
        return std::nullopt;
    }
    return static_cast<float>(index);
}

}  // namespace

std::string_view formatValueInto(const ParamSpec& spec, float plain,
                                 std::span<char, kMaxValueTextLength> buffer) noexcept {
    if (spec.kind == ParamKind::Toggle) {
        return copyInto(clampPlain(spec, plain) == spec.maxValue ? kToggleOnText : kToggleOffText,
                        buffer);
    }
    if (spec.kind == ParamKind::Choice) {
        const auto index = static_cast<std::size_t>(clampPlain(spec, plain));
        return index < spec.choices.size() ? copyInto(spec.choices[index], buffer)
                                           : std::string_view{};
    }
    // Stepped values are whole numbers: no decimals, whatever displayDecimals says.
    const int decimals = spec.kind == ParamKind::Stepped ? 0 : spec.displayDecimals;
    const double factor = std::pow(10.0, decimals);
    double rounded = std::round(static_cast<double>(clampPlain(spec, plain)) * factor) / factor;
    if (rounded == 0.0) {
        rounded = 0.0;  // Shows "0.0 dB", never "-0.0 dB".
    }
    char* const begin = buffer.data();
    char* const end = begin + buffer.size();
    auto [cursor, error] = std::to_chars(begin, end, rounded, std::chars_format::fixed, decimals);
    if (error != std::errc{}) {
        return {};
    }
    if (!spec.unit.empty() && static_cast<std::size_t>(end - cursor) > spec.unit.size()) {
        *cursor++ = ' ';
        cursor = std::copy(spec.unit.begin(), spec.unit.end(), cursor);
    }
    return {begin, static_cast<std::size_t>(cursor - begin)};
}

std::string formatValue(const ParamSpec& spec, float plain) {
    std::array<char, kMaxValueTextLength> buffer{};
    return std::string{formatValueInto(spec, plain, buffer)};
}

std::optional<float> parseValue(const ParamSpec& spec, std::string_view text) noexcept {
    text = trim(text);
    if (spec.kind == ParamKind::Toggle) {
        return parseToggle(spec, text);
    }
    if (spec.kind == ParamKind::Choice) {
        return parseChoice(spec, text);
    }
    if (!spec.unit.empty() && text.size() >= spec.unit.size() &&
        equalsIgnoringCase(text.substr(text.size() - spec.unit.size()), spec.unit)) {
        text = trim(text.substr(0, text.size() - spec.unit.size()));
    }
    // One sign at most: '+' (which from_chars does not take, but people type
    // it) or a minus in any of its forms; the digits follow directly.
    bool negative = false;
    if (text.starts_with('+')) {
        text.remove_prefix(1);
    } else if (const std::size_t minus = leadingMinus(text); minus > 0) {
        text.remove_prefix(minus);
        negative = true;
    }
    if (text.empty() || text.front() == '+' || leadingMinus(text) > 0) {
        return std::nullopt;
    }
    double value = 0.0;
    const char* const end = text.data() + text.size();
    const auto [cursor, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (error != std::errc{} || cursor != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    if (negative) {
        value = -value;
    }
    return clampPlain(spec, static_cast<float>(std::clamp(value, static_cast<double>(spec.minValue),
                                                          static_cast<double>(spec.maxValue))));
}

}  // namespace vstkit::protocol
