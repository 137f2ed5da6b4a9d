#pragma once

#include <array>
#include <cstddef>

#include "vstkit/protocol/param_id.h"
#include "vstkit/protocol/param_spec.h"

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

namespace detail {
[[nodiscard]] consteval bool tableMatchesEnum() {
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        if (indexOf(kParams[i].id) != i) {
            return false;
        }
    }
    return true;
}

[[nodiscard]] consteval bool stableIdsAreUnique() {
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        for (std::size_t j = i + 1; j < kParams.size(); ++j) {
            if (kParams[i].stableId == kParams[j].stableId) {
                return false;
            }
        }
    }
    return true;
}

[[nodiscard]] consteval bool atMostOneBypassToggle() {
    std::size_t bypassRows = 0;
    for (const auto& param : kParams) {
        if (param.role == ParamRole::Bypass) {
            ++bypassRows;
            if (param.kind != ParamKind::Toggle) {
                return false;
            }
        }
    }
    return bypassRows <= 1;
}

[[nodiscard]] consteval bool rangesAreSane() {
    for (const auto& param : kParams) {
        if (!(param.minValue < param.maxValue) || param.defaultValue < param.minValue ||
            param.defaultValue > param.maxValue || param.stableId.empty() || param.name.empty() ||
            param.displayDecimals < 0 || param.displayDecimals > 6) {
            return false;
        }
    }
    return true;
}
}  // namespace detail

static_assert(detail::tableMatchesEnum(), "kParams row i must describe ParamId with value i");
static_assert(detail::stableIdsAreUnique(), "stable ids must be unique");
static_assert(detail::rangesAreSane(), "every parameter needs min < max and a default in range");
static_assert(detail::atMostOneBypassToggle(), "at most one Bypass row, and it must be a Toggle");

}  // namespace vstkit::protocol
