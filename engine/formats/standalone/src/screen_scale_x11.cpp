#include <X11/Xlib.h>
#include <X11/Xresource.h>

#include <algorithm>
#include <charconv>
#include <string_view>

#include "screen_scale.h"

namespace vstkit::formats::standalone {

std::optional<float> scaleFromResources(const char* resources) noexcept {
    if (resources == nullptr) {
        return std::nullopt;
    }
    XrmInitialize();
    const XrmDatabase database = XrmGetStringDatabase(resources);
    if (database == nullptr) {
        return std::nullopt;
    }
    char* type = nullptr;
    XrmValue value{};
    std::optional<float> scale;
    if (XrmGetResource(database, "Xft.dpi", "Xft.Dpi", &type, &value) == True &&
        value.addr != nullptr) {
        // A string resource's size counts its terminating NUL.
        std::string_view text{value.addr, value.size > 0 ? value.size - 1 : 0};
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
            text.remove_suffix(1);
        }
        double dpi = 0.0;
        const char* const end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, dpi);
        if (!text.empty() && error == std::errc{} && stop == end && dpi > 0.0) {
            scale = scaleForDpi(dpi);
        }
    }
    XrmDestroyDatabase(database);
    return scale;
}

float detectScreenScale(Display& connection) noexcept {
    Display* const display = &connection;
    std::optional<float> scale = scaleFromResources(XResourceManagerString(display));
    if (!scale) {
        const int screen = DefaultScreen(display);
        // The denser of the two directions would be a guess; the sparser is safe.
        const auto across =
            scaleFromPhysicalSize(DisplayWidth(display, screen), DisplayWidthMM(display, screen));
        const auto down =
            scaleFromPhysicalSize(DisplayHeight(display, screen), DisplayHeightMM(display, screen));
        if (across && down) {
            scale = std::min(*across, *down);
        }
    }
    return scale.value_or(1.0F);
}

}  // namespace vstkit::formats::standalone
