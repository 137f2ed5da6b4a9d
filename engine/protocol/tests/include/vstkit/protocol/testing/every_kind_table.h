#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/table_checks.h"

namespace vstkit::protocol::testing {

/// A test-only table with a row of every kind and mapping, shaped like the
/// filter plugin the kit will have. Not a product: its ids promise nothing.
inline constexpr std::array<std::string_view, 4> kModeLabels{"Low-pass", "High-pass", "Band-pass",
                                                             "Notch"};

/// Rows of kEveryKindTable.
enum EveryKindRow : std::size_t { kCutoff, kResonance, kAttack, kMode, kTranspose, kBypass, kRows };

inline constexpr std::array<ParamSpec, kRows> kEveryKindTable{{
    {.stableId = "cutoff",
     .name = "Cutoff",
     .unit = "Hz",
     .minValue = 20.0F,
     .maxValue = 20000.0F,
     .defaultValue = 1000.0F,
     .displayDecimals = 0,
     .mapping = ParamMapping::Logarithmic},
    {.stableId = "resonance",
     .name = "Resonance",
     .unit = "%",
     .minValue = 0.0F,
     .maxValue = 100.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 1},
    {.stableId = "attack",
     .name = "Attack",
     .unit = "ms",
     .minValue = 0.0F,
     .maxValue = 1000.0F,
     .defaultValue = 10.0F,
     .displayDecimals = 1,
     .mapping = ParamMapping::Skewed,
     .skewMidValue = 100.0F},
    {.stableId = "mode",
     .name = "Mode",
     .unit = "",
     .minValue = 0.0F,
     .maxValue = 3.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Choice,
     .choices = kModeLabels},
    {.stableId = "transpose",
     .name = "Transpose",
     .unit = "st",
     .minValue = -12.0F,
     .maxValue = 12.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Stepped},
    {.stableId = "bypass",
     .name = "Bypass",
     .unit = "",
     .minValue = 0.0F,
     .maxValue = 1.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Toggle,
     .role = ParamRole::Bypass},
}};

static_assert(isValidTable(kEveryKindTable));

}  // namespace vstkit::protocol::testing
