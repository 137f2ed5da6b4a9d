#include "pointer_shape_x11.h"

#include <X11/Xlib.h>
#include <X11/cursorfont.h>
#include <imgui.h>

namespace vstkit::ui {
namespace {

static_assert(ImGuiMouseCursor_COUNT == 9, "PointerShape::kShapes must match ImGui");

/// The X font cursor for an ImGui cursor; 0 keeps the parent's (the arrow).
[[nodiscard]] unsigned fontCursor(int shape) noexcept {
    switch (shape) {
        case ImGuiMouseCursor_TextInput:
            return XC_xterm;
        case ImGuiMouseCursor_ResizeAll:
            return XC_fleur;
        case ImGuiMouseCursor_ResizeNS:
            return XC_sb_v_double_arrow;
        case ImGuiMouseCursor_ResizeEW:
            return XC_sb_h_double_arrow;
        case ImGuiMouseCursor_ResizeNESW:
            return XC_bottom_left_corner;
        case ImGuiMouseCursor_ResizeNWSE:
            return XC_bottom_right_corner;
        case ImGuiMouseCursor_Hand:
            return XC_hand2;
        case ImGuiMouseCursor_NotAllowed:
            return XC_X_cursor;
        default:
            return 0;
    }
}

}  // namespace

void PointerShape::show(Display* display, unsigned long window, int shape) noexcept {
    if (shape < 0 || shape >= kShapes) {
        shape = ImGuiMouseCursor_Arrow;
    }
    if (shape == shown_) {
        return;
    }
    shown_ = shape;
    const unsigned font = fontCursor(shape);
    if (font == 0) {
        XUndefineCursor(display, window);
        return;
    }
    auto& cursor = cursors_[static_cast<std::size_t>(shape)];
    if (cursor == 0) {
        cursor = XCreateFontCursor(display, font);
    }
    XDefineCursor(display, window, cursor);
}

void PointerShape::release(Display* display) noexcept {
    for (auto& cursor : cursors_) {
        if (cursor != 0) {
            XFreeCursor(display, cursor);
            cursor = 0;
        }
    }
    shown_ = ImGuiMouseCursor_Arrow;
}

}  // namespace vstkit::ui
