#pragma once

#include <array>
#include <cstddef>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/table_checks.h"

namespace vstkit::protocol::testing {

/// A test-only table shaped like a gain plugin's: a continuous dB row and a
/// bypass toggle. The state bytes in the tests are written against it.
enum GainRow : std::size_t { kGain, kGainBypass, kGainRows };

inline constexpr std::array<ParamSpec, kGainRows> kGainTable{{
    {
        .stableId = "gain",
        .name = "Gain",
        .unit = "dB",
        .minValue = -24.0F,
        .maxValue = 24.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 1,
    },
    {
        .stableId = "bypass",
        .name = "Bypass",
        .unit = "",
        .minValue = 0.0F,
        .maxValue = 1.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 0,
        .kind = ParamKind::Toggle,
        .role = ParamRole::Bypass,
    },
}};
static_assert(isValidTable(kGainTable));

}  // namespace vstkit::protocol::testing
