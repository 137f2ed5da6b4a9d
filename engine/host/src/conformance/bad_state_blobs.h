#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vstkit::host::conformance {

using Bytes = std::vector<std::uint8_t>;

/// One state the bad-state check loads, the same for every plugin format.
struct Blob {
    std::string description;
    Bytes bytes;
    /// Cut from a valid state: the plugin may refuse it or, when what is left
    /// is still a whole state to its format, load it whole; never in part.
    bool isCut = false;
};

/// States no plugin should take: empty, cut short, random, a valid state with
/// garbage after it, huge. The cut ones come from another instance's state,
/// so applying part of one changes values the check can see.
[[nodiscard]] std::vector<Blob> badBlobs(const Bytes& otherState);

}  // namespace vstkit::host::conformance
