#pragma once

#include <string_view>

#include "vstkit/protocol/param_id.h"

namespace vstkit::protocol {

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
};

}  // namespace vstkit::protocol
