#pragma once

// VstKit's own declarations of the CLAP ABI, written from the published
// specification (CLAP 1.2). Only the parts VstKit uses are declared; every
// struct keeps the specification's field order and C layout, and every name
// says which CLAP name it stands for. Plugins (engine/formats/clap) and
// vstkit-host both use these, and Qtractor's scanner, built on the official
// headers, checks them.

#include <cstdint>

namespace vstkit::clap_abi {

/// clap_version: the ABI version a plugin or host was written for.
struct Version {
    std::uint32_t major;
    std::uint32_t minor;
    std::uint32_t revision;
};

/// CLAP_VERSION: the version these declarations follow.
inline constexpr Version kVersion{1, 2, 0};

/// clap_version_is_compatible: 1.x is compatible with every other 1.x.
[[nodiscard]] constexpr bool isCompatible(const Version& version) noexcept {
    return version.major >= 1;
}

/// clap_id, and CLAP_INVALID_ID.
using Id = std::uint32_t;
inline constexpr Id kInvalidId = UINT32_MAX;

/// CLAP_NAME_SIZE and CLAP_PATH_SIZE: fixed string fields, NUL included.
inline constexpr std::uint32_t kNameSize = 256;
inline constexpr std::uint32_t kPathSize = 1024;

}  // namespace vstkit::clap_abi
