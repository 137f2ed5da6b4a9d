#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace vstkit::protocol {

/// How a parameter's values behave and are shown.
enum class ParamKind : std::uint8_t {
    /// Any value in [minValue, maxValue], shown with displayDecimals and the unit.
    Continuous,
    /// Off (minValue) or On (maxValue), shown as "Off" / "On". The boolean kind.
    Toggle,
    /// Whole numbers from minValue to maxValue, shown without decimals and with the unit.
    Stepped,
    /// One of `choices`: plain value i (0 .. size-1) is shown as choices[i].
    Choice,
};

/// How a Continuous parameter's plain range spreads over normalized 0..1,
/// which is what hosts automate and what the editor's slider travels.
enum class ParamMapping : std::uint8_t {
    /// Equal plain distances are equal slider distances.
    Linear,
    /// Equal ratios are equal distances (minValue > 0): 20 Hz..20 kHz has
    /// 632 Hz, the geometric mean, at the middle.
    Logarithmic,
    /// Exponential like Logarithmic, but with `skewMidValue` at the middle;
    /// any range, e.g. 0..1000 ms with 100 ms at the middle.
    Skewed,
};

/// What a parameter means to a host beyond its value.
enum class ParamRole : std::uint8_t {
    /// An ordinary parameter.
    Value,
    /// The plugin's bypass switch: hosts bind their own bypass button to it.
    /// At most one row may have this role, and it must be a Toggle.
    Bypass,
};

/// Most rows a parameter table may have.
inline constexpr std::size_t kMaxTableRows = 1024;

/// Everything a host, the plugin wrapper, the state code and the UI need to
/// know about one parameter. Plain values are in the parameter's own unit.
struct ParamSpec {
    std::string_view stableId;
    std::string_view name;
    std::string_view unit;
    float minValue;
    float maxValue;
    float defaultValue;
    /// Digits after the decimal point when a value is shown as text.
    int displayDecimals;
    ParamKind kind = ParamKind::Continuous;
    ParamRole role = ParamRole::Value;
    /// Continuous only.
    ParamMapping mapping = ParamMapping::Linear;
    /// Skewed only: the plain value at normalized 0.5, strictly inside the
    /// range and not its arithmetic middle (that is Linear).
    float skewMidValue = 0.0F;
    /// Choice only: the labels, in plain-value order; minValue 0 and maxValue
    /// size-1. Printable ASCII, unique in any letter case.
    std::span<const std::string_view> choices{};
};

}  // namespace vstkit::protocol
