#pragma once

#include <algorithm>
#include <cstdint>

namespace vstkit::core {

/// What a processor says of the block it just processed, so a format can
/// tell a host which output is silent, and never flag a ringing tail as
/// silence. A processor whose process() returns void is Normal.
enum class ProcessStatus : std::uint8_t {
    /// Channel by channel, the output is silent wherever the input was: a
    /// processor with no memory of earlier blocks (a gain).
    Normal = 0,
    /// The output may be non-zero though the input is silent: a filter or an
    /// echo still ringing. Return Normal again once the ring has decayed to
    /// exact zeros.
    Tail = 1,
    /// The output may be non-zero at any time (a generator).
    KeepAlive = 2,
};

/// A block cut into slices is as lively as its liveliest slice.
[[nodiscard]] constexpr ProcessStatus liveliest(ProcessStatus a, ProcessStatus b) noexcept {
    return std::max(a, b);
}

}  // namespace vstkit::core
