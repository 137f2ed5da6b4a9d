// libFuzzer target: parseState must never crash, and whatever it accepts
// must be in range and survive a serialize/parse round trip unchanged. Run
// against a gain-shaped table and a table with a row of every kind (the
// filter's shape), as the parser reads any plugin's table the same way.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

#include "vstkit/protocol/state.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace {

void check(std::span<const vstkit::protocol::ParamSpec> table, std::span<const std::uint8_t> blob) {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace vstkit::protocol;
    check(testing::kGainTable, {data, size});
    check(testing::kEveryKindTable, {data, size});
    return 0;
}
