#include "theme.h"

namespace vstkit::ui {
namespace {

/// 0xRRGGBB, opaque, packed the way IM_COL32 packs (alpha high, red low).
[[nodiscard]] constexpr ImU32 rgb(ImU32 value) noexcept {
    const ImU32 red = (value >> 16U) & 0xFFU;
    const ImU32 green = (value >> 8U) & 0xFFU;
    const ImU32 blue = value & 0xFFU;
    return (0xFFU << IM_COL32_A_SHIFT) | (blue << IM_COL32_B_SHIFT) | (green << IM_COL32_G_SHIFT) |
           (red << IM_COL32_R_SHIFT);
}

[[nodiscard]] ImVec4 colour(ImU32 packed) noexcept {
    return ImGui::ColorConvertU32ToFloat4(packed);
}

[[nodiscard]] ImVec4 colour(ImU32 packed, float alpha) noexcept {
    ImVec4 value = colour(packed);
    value.w = alpha;
    return value;
}

constexpr Palette kPalette{
    .background = rgb(0x1B1E23),
    .header = rgb(0x131519),
    .headerRule = rgb(0x2C313A),
    .card = rgb(0x23272E),
    .cardHovered = rgb(0x292E36),
    .cardBorder = rgb(0x2F343D),
    .text = rgb(0xE6E9ED),
    .textDim = rgb(0x8C939E),
    .accent = rgb(0x4C9EFF),
    .accentBright = rgb(0x7DB8FF),
    .track = rgb(0x15171B),
    .tick = rgb(0x5A616C),
    .knob = rgb(0xF3F5F8),
    .switchOff = rgb(0x3A404A),
    .bypassOn = rgb(0xF0A23B),
    .error = rgb(0xE5484D),
};

}  // namespace

const Palette& palette() noexcept {
    return kPalette;
}

void applyTheme(ImGuiStyle& style, float scale) noexcept {
    style = ImGuiStyle{};
    style.WindowPadding = ImVec2{0.0F, 0.0F};
    style.WindowBorderSize = 0.0F;
    style.WindowRounding = 0.0F;
    style.FramePadding = ImVec2{kFramePaddingX, kFramePaddingY};
    style.FrameRounding = 4.0F;
    style.FrameBorderSize = 1.0F;
    style.ItemSpacing = ImVec2{8.0F, 6.0F};
    style.PopupRounding = 4.0F;
    style.PopupBorderSize = 1.0F;
    style.ScaleAllSizes(scale);

    const Palette& colours = palette();
    ImVec4* slots = style.Colors;
    slots[ImGuiCol_WindowBg] = colour(colours.background);
    slots[ImGuiCol_Text] = colour(colours.text);
    slots[ImGuiCol_TextDisabled] = colour(colours.textDim);
    slots[ImGuiCol_Border] = colour(colours.cardBorder);
    slots[ImGuiCol_FrameBg] = colour(colours.track);
    slots[ImGuiCol_FrameBgHovered] = colour(colours.track);
    slots[ImGuiCol_FrameBgActive] = colour(colours.track);
    slots[ImGuiCol_TextSelectedBg] = ImVec4{0.30F, 0.62F, 1.0F, 0.40F};
    slots[ImGuiCol_NavHighlight] = colour(colours.accent);
    // A choice's combo box: the arrow like a switch, the open list like a raised card.
    slots[ImGuiCol_Button] = colour(colours.switchOff);
    slots[ImGuiCol_ButtonHovered] = colour(colours.accent);
    slots[ImGuiCol_ButtonActive] = colour(colours.accentBright);
    slots[ImGuiCol_PopupBg] = colour(colours.cardHovered);
    slots[ImGuiCol_Header] = colour(colours.accent, 0.35F);
    slots[ImGuiCol_HeaderHovered] = colour(colours.accent, 0.55F);
    slots[ImGuiCol_HeaderActive] = colour(colours.accent, 0.75F);
}

}  // namespace vstkit::ui
