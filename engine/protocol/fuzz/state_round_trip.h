#pragma once

// The state fuzzers' one property, for any parameter table: parseState never
// crashes, says why it rejects a blob, and whatever it accepts is in range
// and survives a serialize/parse round trip unchanged.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

#include "vstkit/protocol/state.h"

namespace vstkit::fuzz {

inline void checkStateRoundTrip(std::span<const protocol::ParamSpec> table,
                                std::span<const std::uint8_t> blob) {
    using namespace vstkit::protocol;
    const auto result = parseState(table, blob);
    if (!result.values) {
        if (result.error == StateError::None) {
            __builtin_trap();  // Rejected without a reason.
        }
        return;
    }
    for (std::size_t i = 0; i < table.size(); ++i) {
        const float value = (*result.values)[i];
        if (!std::isfinite(value) || value < table[i].minValue || value > table[i].maxValue) {
            __builtin_trap();
        }
    }
    const auto again = parseState(table, serializeState(table, *result.values));
    if (!again.values || *again.values != *result.values) {
        __builtin_trap();
    }
}

}  // namespace vstkit::fuzz
