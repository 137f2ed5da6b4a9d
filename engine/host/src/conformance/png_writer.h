#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace vstkit::host::conformance {

/// Writes 8-bit RGB pixels (row-major, 3 bytes each) as a PNG. False on error.
[[nodiscard]] bool writePng(const std::filesystem::path& path, int width, int height,
                            const std::vector<std::uint8_t>& rgb);

}  // namespace vstkit::host::conformance
