#pragma once

#include <array>
#include <cstddef>

#include "vstkit/protocol/param_id.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/table_checks.h"

namespace vstkit::protocol {

/// The single source of truth for VstKit's parameters. Every other layer
/// iterates this table; no name, range, default or id is written anywhere else.
///
/// The stableId column is a contract with every saved session and automation
/// lane in the world: never rename an id, never reuse a removed one.
inline constexpr std::array<ParamSpec, kParamIdCount> kParams{{
    {
        .id = ParamId::Gain,
        .stableId = "gain",
        .name = "Gain",
        .unit = "dB",
        .minValue = -24.0F,
        .maxValue = 24.0F,
        .defaultValue = 0.0F,
        .displayDecimals = 1,
    },
    {
        .id = ParamId::Bypass,
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

[[nodiscard]] constexpr std::size_t indexOf(ParamId id) noexcept {
    return static_cast<std::size_t>(id);
}

[[nodiscard]] constexpr const ParamSpec& spec(ParamId id) noexcept {
    return kParams[indexOf(id)];
}

static_assert(rowsMatchTheirIds(kParams), "kParams row i must describe ParamId with value i");
static_assert(stableIdsAreUnique(kParams), "stable ids must be unique");
static_assert(rangesAreSane(kParams), "every parameter needs min < max and a default in range");
static_assert(atMostOneBypassToggle(kParams), "at most one Bypass row, and it must be a Toggle");
static_assert(isValidTable(kParams), "kParams breaks a rule of table_checks.h");

}  // namespace vstkit::protocol
