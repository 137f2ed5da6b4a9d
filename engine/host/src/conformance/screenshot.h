#pragma once

#include <X11/Xlib.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vstkit::host::conformance {

/// What a window shows: RGB pixels, and how many distinct colours.
struct Screenshot {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
    std::size_t distinctColours = 0;
};

/// Reads the window's pixels (its embedded children included) from the X server.
[[nodiscard]] Screenshot grab(Display* display, Window window, int width, int height);

}  // namespace vstkit::host::conformance
