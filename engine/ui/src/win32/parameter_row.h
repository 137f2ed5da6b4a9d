#pragma once

#include <windows.h>

#include <cstddef>

#include "../edit_gesture.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"
#include "wheel_notches.h"

namespace vstkit::ui::win32 {

/// One row of the Win32 generic editor: the parameter's name, a control
/// chosen by its kind (a trackbar for a continuous or stepped value, a check
/// box for a toggle, a drop-down list for a choice) and a value box that
/// shows the value as the protocol writes it and takes a typed one (Enter
/// sets it, Escape gives the shown one back). Every change is one host
/// gesture: a trackbar drag is begin, performs, end.
class ParameterRow final {
  public:
    /// Control ids are `firstId` and `firstId + 1`; they identify the row's
    /// notifications in the editor window's procedure.
    ParameterRow(const protocol::ParamSpec& spec, std::size_t index, int firstId) noexcept
        : spec_(&spec), index_(index), firstId_(firstId), gesture_(index) {}

    /// Makes the child windows in `parent`.
    [[nodiscard]] bool create(HWND parent, HINSTANCE instance, HFONT font);
    void place(int top, int width, float scale) noexcept;

    /// WM_HSCROLL from this row's trackbar.
    void onScroll(ParameterAccess& access, int code) noexcept;
    /// The wheel over this row's trackbar: a notch up is one line (a
    /// hundredth, or one step) up, as one gesture. Returns false for a row
    /// without a trackbar, whose control handles the wheel itself.
    bool onWheel(ParameterAccess& access, int delta) noexcept;
    /// The left button went down on the trackbar at (x, y) (its client
    /// coordinates), before the trackbar handles it. As the Linux editor's
    /// slider does, the thumb jumps to the pointer and a drag gesture begins
    /// there, so a press anywhere on the slider drags it (a plain trackbar
    /// would page towards the pointer instead).
    void onPress(ParameterAccess& access, int x, int y) noexcept;
    /// The trackbar let go of the mouse (or never took it): a gesture in
    /// progress ends. Nothing happens without one.
    void release(ParameterAccess& access) noexcept;
    /// The font of the row's three windows.
    void setFont(HFONT font) noexcept;
    /// WM_COMMAND from one of this row's controls.
    void onCommand(ParameterAccess& access, int id, int code) noexcept;
    /// Enter or Escape in the value box.
    void onValueKey(ParameterAccess& access, WPARAM key) noexcept;
    /// Shows the host's value unless the row is being edited.
    void follow(const ParameterAccess& access) noexcept;
    /// The editor closes: a drag in progress ends.
    void abandon(ParameterAccess& access) noexcept;

    [[nodiscard]] bool owns(int id) const noexcept { return id == firstId_ || id == firstId_ + 1; }
    [[nodiscard]] bool ownsWindow(HWND window) const noexcept {
        return window == control_ || window == valueBox_;
    }
    [[nodiscard]] HWND valueBox() const noexcept { return valueBox_; }
    [[nodiscard]] HWND control() const noexcept { return control_; }

  private:
    [[nodiscard]] int trackbarSteps() const noexcept;
    [[nodiscard]] float normalizedOfPosition(int position) const noexcept;
    [[nodiscard]] int positionOf(float normalized) const noexcept;
    void show(float normalized, bool evenTheValueBox) noexcept;
    void showValueText(float normalized) noexcept;

    const protocol::ParamSpec* spec_;
    std::size_t index_;
    int firstId_;
    EditGesture gesture_;
    HWND name_ = nullptr;
    HWND control_ = nullptr;
    HWND valueBox_ = nullptr;
    /// The value the controls show; -1 until the first follow().
    float shown_ = -1.0F;
    WheelNotches wheel_;
};

}  // namespace vstkit::ui::win32
