// libFuzzer target: parseState must never crash, and whatever it accepts
// must be in range and survive a serialize/parse round trip unchanged.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "vstkit/protocol/state.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace vstkit::protocol;
    const auto result = parseState({data, size});
    if (!result.values) {
        if (result.error == StateError::None) {
            __builtin_trap();  // Rejected without a reason.
        }
        return 0;
    }
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        const float value = (*result.values)[i];
        if (!std::isfinite(value) || value < kParams[i].minValue || value > kParams[i].maxValue) {
            __builtin_trap();
        }
    }
    const auto again = parseState(serializeState(*result.values));
    if (!again.values || *again.values != *result.values) {
        __builtin_trap();
    }
    return 0;
}
