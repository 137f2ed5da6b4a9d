#pragma once

#include <cstddef>
#include <cstdint>

namespace vstkit::protocol {

/// Index of a parameter in kParams. Values are positions in the table, not a
/// persistence key: saved state and automation use ParamSpec::stableId.
enum class ParamId : std::uint32_t {
    Gain = 0,
    Bypass = 1,
};

/// Number of ParamId values; the parameter table must have exactly this many rows.
inline constexpr std::size_t kParamIdCount = 2;

}  // namespace vstkit::protocol
