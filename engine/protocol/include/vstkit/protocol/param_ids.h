#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::protocol {

/// A row's numeric id, the same in every format that numbers parameters (a
/// VST3 ParamID, a CLAP clap_id): a hash of its stable id, h = h * 31 + byte,
/// over the UTF-8 bytes, in 32-bit signed arithmetic, then made non-negative
/// (JUCE's String::hashCode, which VstKit's first releases used, so sessions
/// saved then still find their parameters). "gain" is 3165055.
///
/// The one exception is the Bypass-role row: its id is 'byps' (1652125811),
/// as JUCE gave it. Both rules are fixed forever.
[[nodiscard]] constexpr std::uint32_t hashStableId(std::string_view stableId) noexcept {
    std::uint32_t hash = 0;
    for (const char c : stableId) {
        hash = hash * 31U + static_cast<std::uint32_t>(static_cast<unsigned char>(c));
    }
    return hash & 0x7fffffffU;
}

inline constexpr std::uint32_t kBypassParamId = 0x62797073U;  // 'byps'

[[nodiscard]] constexpr std::uint32_t paramIdOf(const ParamSpec& spec) noexcept {
    return spec.role == ParamRole::Bypass ? kBypassParamId : hashStableId(spec.stableId);
}

/// No two rows of a table may share an id (a hash collision between two
/// stable ids, or two bypass rows): checked when a plugin is declared.
[[nodiscard]] consteval bool paramIdsAreUnique(std::span<const ParamSpec> table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        for (std::size_t j = i + 1; j < table.size(); ++j) {
            if (paramIdOf(table[i]) == paramIdOf(table[j])) {
                return false;
            }
        }
    }
    return true;
}

static_assert(hashStableId("gain") == 3165055U);
static_assert(kBypassParamId == 1652125811U);

}  // namespace vstkit::protocol
