#include "screenshot.h"

#include <X11/Xutil.h>

#include <set>

namespace vstkit::host::conformance {

Screenshot grab(Display* display, Window window, int width, int height) {
    Screenshot shot{width, height, {}, 0};
    XImage* image = XGetImage(display, window, 0, 0, static_cast<unsigned>(width),
                              static_cast<unsigned>(height), AllPlanes, ZPixmap);
    if (image == nullptr) {
        return shot;
    }
    std::set<unsigned long> colours;
    shot.rgb.reserve(static_cast<std::size_t>(width * height * 3));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const unsigned long pixel = XGetPixel(image, x, y);
            colours.insert(pixel);
            shot.rgb.push_back(static_cast<std::uint8_t>((pixel & image->red_mask) >> 16));
            shot.rgb.push_back(static_cast<std::uint8_t>((pixel & image->green_mask) >> 8));
            shot.rgb.push_back(static_cast<std::uint8_t>(pixel & image->blue_mask));
        }
    }
    shot.distinctColours = colours.size();
    XDestroyImage(image);
    return shot;
}

}  // namespace vstkit::host::conformance
