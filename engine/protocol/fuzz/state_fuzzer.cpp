// libFuzzer target: the state parser against a gain-shaped table and a table
// with a row of every kind (each plugin also gets a fuzzer of its own table
// from vstkit_add_plugin).
#include <cstddef>
#include <cstdint>

#include "state_round_trip.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace vstkit::protocol;
    vstkit::fuzz::checkStateRoundTrip(testing::kGainTable, {data, size});
    vstkit::fuzz::checkStateRoundTrip(testing::kEveryKindTable, {data, size});
    return 0;
}
