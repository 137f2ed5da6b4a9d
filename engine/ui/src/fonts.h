#pragma once

#include <string>

#include "font_choice.h"

struct ImFont;
struct ImFontAtlas;

namespace vstkit::ui {

/// The two sizes of text the editor draws.
struct Fonts {
    ImFont* body = nullptr;
    /// Title and value readouts.
    ImFont* large = nullptr;
    /// True when both come from TrueType files; false when the built-in font
    /// stands in (no such face installed, or a file that would not load).
    bool trueType = false;
    /// The faces drawn with; empty paths with the built-in font.
    FontChoice faces;
};

/// Replaces the atlas's fonts with the installed faces (chooseFonts(), asked
/// once per process) at the two pixel sizes, which already include the
/// content scale: glyphs are rasterized at the size they are drawn, never
/// scaled bitmaps. Falls back to ImGui's built-in font, so an editor always opens.
[[nodiscard]] Fonts loadFonts(ImFontAtlas& atlas, float bodySize, float largeSize);

/// The same with the faces given.
[[nodiscard]] Fonts loadFonts(ImFontAtlas& atlas, const FontChoice& faces, float bodySize,
                              float largeSize);

/// One line naming the fonts drawn with, e.g. "DejaVuSans.ttf 13 px,
/// DejaVuSans-Bold.ttf 26 px" or "built-in font (no TrueType font found)".
[[nodiscard]] std::string describeFonts(const Fonts& fonts);

}  // namespace vstkit::ui
