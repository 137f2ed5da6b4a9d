#pragma once

#include <cstdint>

#include <lv2/core/lv2.h>

namespace vstkit::formats::lv2 {

/// The URIDs the state extension needs, mapped once at instantiation. All
/// zero when the host offers no urid:map; such a host cannot save state.
struct StateKeys {
    /// Our state: the protocol blob as an atom:Chunk under "<plugin uri>#state".
    std::uint32_t state = 0;
    /// Where the JUCE-made builds kept theirs: JUCE's base64 text of the same
    /// blob as an atom:String under "<plugin uri>:StateString". Read, never written.
    std::uint32_t juceStateString = 0;
    std::uint32_t atomChunk = 0;
    std::uint32_t atomString = 0;
    std::uint32_t atomInt = 0;
    std::uint32_t maxBlockLength = 0;

    [[nodiscard]] bool available() const noexcept { return state != 0; }

    /// Maps the keys with the host's urid:map, if it offers one.
    [[nodiscard]] static StateKeys map(const LV2_Feature* const* features);
};

}  // namespace vstkit::formats::lv2
