#pragma once

#include <cstddef>

#include "edit_gesture.h"
#include "fonts.h"
#include "key_action.h"
#include "layout.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// An on/off parameter: name, "On"/"Off" and a switch. A click anywhere on the
/// row flips it in one edit gesture.
class ToggleRow final {
  public:
    ToggleRow(const protocol::ParamSpec& spec, std::size_t index) noexcept;

    void draw(const RowLayout& row, const Fonts& fonts, float scale, ParameterAccess& access);

    /// The host moved the value since the row was last drawn.
    [[nodiscard]] bool needsRedraw(const ParameterAccess& access) const noexcept;

    /// A key while this row has the keyboard: up/right on, down/left off,
    /// Enter flips.
    void onKey(KeyAction action, ParameterAccess& access);

  private:
    const protocol::ParamSpec& spec_;
    std::size_t index_;
    EditGesture gesture_;
    float lastDrawn_ = -1.0F;
};

}  // namespace vstkit::ui
