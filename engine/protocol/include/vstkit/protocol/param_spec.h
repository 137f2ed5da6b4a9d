#pragma once

#include <cstdint>
#include <string_view>

#include "vstkit/protocol/param_id.h"

namespace vstkit::protocol {

/// How a parameter's values behave and are shown.
enum class ParamKind : std::uint8_t {
    /// Any value in [minValue, maxValue], shown with displayDecimals and the unit.
    Continuous,
    /// Off (minValue) or On (maxValue), shown as "Off" / "On".
    Toggle,
};

/// What a parameter means to a host beyond its value.
enum class ParamRole : std::uint8_t {
    /// An ordinary parameter.
    Value,
    /// The plugin's bypass switch: hosts bind their own bypass button to it.
    /// At most one row may have this role, and it must be a Toggle.
    Bypass,
};

/// Everything a host, the plugin wrapper, the state code and the UI need to
/// know about one parameter. Plain values are in the parameter's own unit.
struct ParamSpec {
    ParamId id;
    /// Persistent key for saved state and automation. Never rename or reuse one.
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
};

}  // namespace vstkit::protocol
