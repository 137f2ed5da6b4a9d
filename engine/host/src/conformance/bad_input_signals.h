#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "signal.h"

namespace vstkit::host::conformance {

/// The bad-input check's signals, the same for every plugin format: a clean
/// sine, then one block of poison, then clean input again.
namespace bad_input {

inline constexpr double kRate = 48000.0;
inline constexpr std::size_t kBlock = 256;
inline constexpr std::size_t kCleanBlocksBefore = 8;
/// How long clean input may take to wash a NaN or Inf out of the output.
inline constexpr std::size_t kRecoveryBlocks = static_cast<std::size_t>(kRate) / kBlock;

struct Poison {
    std::string name;
    std::vector<float> block;
    /// A finite input: the output must be finite from the start.
    bool finite;
};

/// NaN, one NaN sample, +Inf, -Inf and denormals, one block each.
[[nodiscard]] std::vector<Poison> poisons();

/// True when every channel is finite in frames [from, to).
[[nodiscard]] bool allFinite(const RunOutput& output, std::size_t from, std::size_t to);

}  // namespace bad_input
}  // namespace vstkit::host::conformance
