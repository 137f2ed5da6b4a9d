#include "fonts.h"

#include <imgui.h>

namespace vstkit::ui {
namespace {

[[nodiscard]] ImFont* addDefaultFont(ImFontAtlas& atlas, float size) {
    ImFontConfig config;
    config.SizePixels = size;
    // A pixel font: oversampling would only blur it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontDefault(&config);
}

}  // namespace

Fonts loadFonts(ImFontAtlas& atlas, float bodySize, float largeSize) {
    atlas.Clear();
    Fonts fonts;
    fonts.body = addDefaultFont(atlas, bodySize);
    fonts.large = addDefaultFont(atlas, largeSize);
    atlas.Build();
    return fonts;
}

}  // namespace vstkit::ui
