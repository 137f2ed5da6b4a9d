#pragma once

#include <optional>
#include <string_view>

struct _XDisplay;

namespace vstkit::formats::standalone {

/// The app's content scale for the editor, as the desktop asks for it: the
/// X resource Xft.dpi where the desktop sets one (GNOME, KDE and xrdb do),
/// else the screen's physical size when it says the pixels are dense, else 1.
/// Read on the app window's own connection: a connection opened and closed
/// just for this makes an X server with no other client (Xvfb) reset, and a
/// window connecting during the reset is refused. Implemented per platform
/// (screen_scale_x11.cpp).
[[nodiscard]] float detectScreenScale(_XDisplay& display) noexcept;

/// The Xft.dpi value in an X resource string (XResourceManagerString), as a
/// scale; nothing when it is missing or no positive number.
[[nodiscard]] std::optional<float> scaleFromResources(const char* resources) noexcept;

/// A scale for a resolution in dots per inch: 96 is 1; from 1 to 4, in
/// quarter steps, which lay the editor out on whole pixels more often.
[[nodiscard]] float scaleForDpi(double dpi) noexcept;

/// A scale from a screen's size in pixels and millimetres, only when that
/// gives more than 120 dpi: many X servers report a size that is made up
/// (commonly one that gives 96 dpi) or none at all.
[[nodiscard]] std::optional<float> scaleFromPhysicalSize(int pixels, int millimetres) noexcept;

/// A scale written by a person (--scale): from 0.5 to 4; nothing otherwise.
[[nodiscard]] std::optional<float> parseScale(std::string_view text) noexcept;

}  // namespace vstkit::formats::standalone
