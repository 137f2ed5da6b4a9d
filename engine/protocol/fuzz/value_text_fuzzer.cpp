// libFuzzer target: parseValue must never crash; an accepted value is finite
// and in range, and its display text parses back to the same display.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"
#include "vstkit/protocol/value_text.h"

namespace {

void check(const vstkit::protocol::ParamSpec& spec, std::string_view text) {
    using namespace vstkit::protocol;
    const auto value = parseValue(spec, text);
    if (!value) {
        return;
    }
    if (!std::isfinite(*value) || *value < spec.minValue || *value > spec.maxValue) {
        __builtin_trap();
    }
    const std::string shown = formatValue(spec, *value);
    const auto reparsed = parseValue(spec, shown);
    if (!reparsed || formatValue(spec, *reparsed) != shown) {
        __builtin_trap();
    }
}

}  // namespace

// A gain-shaped table, and a table with a row of every kind.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace vstkit::protocol;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    for (const auto& spec : testing::kGainTable) {
        check(spec, text);
    }
    for (const auto& spec : testing::kEveryKindTable) {
        check(spec, text);
    }
    return 0;
}
