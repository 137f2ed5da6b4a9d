#pragma once

struct ImFont;
struct ImFontAtlas;

namespace vstkit::ui {

/// The two sizes of text the editor draws.
struct Fonts {
    ImFont* body = nullptr;
    /// Title and value readouts.
    ImFont* large = nullptr;
};

/// Replaces the atlas's fonts with ImGui's built-in font at the two pixel sizes.
[[nodiscard]] Fonts loadFonts(ImFontAtlas& atlas, float bodySize, float largeSize);

}  // namespace vstkit::ui
