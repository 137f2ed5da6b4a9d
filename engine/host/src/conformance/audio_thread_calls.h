#pragma once

#include <cstdint>
#include <string>

namespace vstkit::host::conformance {

/// What a plugin did on the audio thread during the realtime check, counted
/// by the host's interposers. Any count above 0 is a fault.
struct AudioThreadCalls {
    std::uint64_t allocations = 0;
    std::uint64_t frees = 0;
    std::uint64_t locks = 0;
    std::uint64_t blocking = 0;
    std::uint64_t io = 0;

    /// The interposers' counts since rtcheck::resetCounts().
    [[nodiscard]] static AudioThreadCalls counted();

    [[nodiscard]] std::uint64_t total() const noexcept {
        return allocations + frees + locks + blocking + io;
    }
    /// Every count, e.g. "0 allocations, 0 frees, ..." for a pass.
    [[nodiscard]] std::string text() const;
    /// Each fault named the way a plugin developer would search for it, e.g.
    /// "allocates in process(): 3 allocations and 3 frees" + `where`.
    [[nodiscard]] std::string faults(const std::string& entry, const std::string& where) const;
};

}  // namespace vstkit::host::conformance
