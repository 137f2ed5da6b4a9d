#pragma once

#include <imgui.h>

namespace vstkit::ui {

/// The editor's colours, as packed ImGui colours for the draw list.
struct Palette {
    ImU32 background;
    ImU32 header;
    ImU32 headerRule;
    ImU32 card;
    ImU32 cardHovered;
    ImU32 cardBorder;
    ImU32 text;
    ImU32 textDim;
    ImU32 accent;
    ImU32 accentBright;
    ImU32 track;
    ImU32 tick;
    ImU32 knob;
    ImU32 switchOff;
    /// A switch that takes the plugin out of the signal path, when on.
    ImU32 bypassOn;
    ImU32 error;
};

/// Space around the text inside a frame (text field, combo box), unscaled;
/// the layout sizes a combo box by it.
inline constexpr float kFramePaddingX = 8.0F;
inline constexpr float kFramePaddingY = 5.0F;

/// The dark palette every part of the editor draws with.
[[nodiscard]] const Palette& palette() noexcept;

/// Resets `style` to the editor's look (rounded frames, dark colours) at a content scale.
void applyTheme(ImGuiStyle& style, float scale) noexcept;

}  // namespace vstkit::ui
