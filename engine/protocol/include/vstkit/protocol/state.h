#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::protocol {

/// One plain value per row of a parameter table, in table order.
using ParamValues = std::vector<float>;

/// Every row's default, in table order.
[[nodiscard]] ParamValues defaultValues(std::span<const ParamSpec> table);

/// Saved-state format, version 1 (all integers little-endian):
///   "VSTK"  u32 version  u32 entryCount
///   entryCount x { u8 idLength (1..kMaxStateIdLength)  id bytes  f32 plain value }
/// Entries are keyed by ParamSpec::stableId, so parameters can be added,
/// reordered or retired without breaking sessions saved by older builds.
inline constexpr std::array<std::uint8_t, 4> kStateMagic{'V', 'S', 'T', 'K'};
inline constexpr std::uint32_t kStateVersion = 1;
inline constexpr std::size_t kMaxStateBytes = 64 * 1024;
inline constexpr std::size_t kMaxStateIdLength = 64;

enum class StateError : std::uint8_t {
    None,
    Empty,
    TooLarge,
    NotVstKitState,
    UnsupportedVersion,
    Truncated,
    MalformedEntry,
    DuplicateId,
    NonFiniteValue,
    TrailingBytes,
};

/// One line a person can read, e.g. for the host's log.
[[nodiscard]] std::string_view describe(StateError error) noexcept;

struct StateParseResult {
    /// Set only when the whole blob was valid.
    std::optional<ParamValues> values;
    StateError error = StateError::None;
};

/// Reads a blob written by serializeState (this or any older version).
/// Unknown ids are skipped, missing ids get their defaults, values are clamped
/// to range. Any structural fault rejects the whole blob: values stays empty.
[[nodiscard]] StateParseResult parseState(std::span<const ParamSpec> table,
                                          std::span<const std::uint8_t> blob);

/// Writes every row of the table with its stable id: `values` holds one
/// plain value per row, in table order.
[[nodiscard]] std::vector<std::uint8_t> serializeState(std::span<const ParamSpec> table,
                                                       std::span<const float> values);

/// parseState into caller-owned storage (at most kMaxTableRows rows): fills
/// `values` (one per row) and returns StateError::None, or leaves `values`
/// untouched and says why the blob was rejected. Never allocates.
[[nodiscard]] StateError parseState(std::span<const ParamSpec> table,
                                    std::span<const std::uint8_t> blob,
                                    std::span<float> values) noexcept;

}  // namespace vstkit::protocol
