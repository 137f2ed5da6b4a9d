#pragma once

#include <array>

struct _XDisplay;

namespace vstkit::ui {

/// Shows the mouse cursor ImGui asks for (ImGui::GetMouseCursor) on the
/// editor's window: a horizontal arrow over sliders, a hand over switches, a
/// text beam over text. X cursors are created on first use and freed by release().
class PointerShape final {
  public:
    /// `shape` is an ImGuiMouseCursor.
    void show(_XDisplay* display, unsigned long window, int shape) noexcept;
    void release(_XDisplay* display) noexcept;

  private:
    static constexpr int kShapes = 9;  // ImGuiMouseCursor_COUNT in ImGui 1.86.

    std::array<unsigned long, kShapes> cursors_{};
    int shown_ = 0;  // ImGuiMouseCursor_Arrow: the parent's cursor.
};

}  // namespace vstkit::ui
