#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::protocol {

/// Longest text formatValueInto can write, terminator included.
inline constexpr std::size_t kMaxValueTextLength = 32;

/// Writes e.g. "-6.0 dB" into the buffer without allocating and returns the
/// characters written (not NUL-terminated). Out-of-range values are clamped.
std::string_view formatValueInto(const ParamSpec& spec, float plain,
                                 std::span<char, kMaxValueTextLength> buffer) noexcept;

/// "-6.0 dB": the value at the spec's precision followed by its unit; a
/// stepped value has no decimals ("12 st"); a toggle reads "Off" or "On"; a
/// choice reads its label ("Low-pass").
[[nodiscard]] std::string formatValue(const ParamSpec& spec, float plain);

/// Reads a value typed by a person or sent by a host: "-6", "-6 dB", "-6.0dB",
/// "+3", " -6 " are accepted (the unit is optional, any letter case). Finite
/// values outside the range are clamped, and a stepped value rounds to the
/// nearest whole number. Anything else, including NaN, Inf, a foreign unit or
/// trailing characters, gives std::nullopt. A toggle takes on/off, true/false,
/// yes/no or 1/0 in any letter case; a choice takes a label in any letter
/// case or its index ("0" .. "size-1"). The text is UTF-8: a minus may also
/// be U+2212 MINUS SIGN (or U+FE63, U+FF0D), and a no-break space (U+00A0,
/// U+202F) counts as a space, so "\u22126\u202FdB" reads as -6. Never throws.
[[nodiscard]] std::optional<float> parseValue(const ParamSpec& spec,
                                              std::string_view text) noexcept;

}  // namespace vstkit::protocol
