#pragma once

#include <cstddef>

#include "edit_gesture.h"
#include "fonts.h"
#include "key_action.h"
#include "layout.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// A choice parameter: name, and a combo box showing the current label. Picking
/// another label from its list is one edit gesture with that label's
/// normalized value; picking the current one sends nothing.
class ComboRow final {
  public:
    ComboRow(const protocol::ParamSpec& spec, std::size_t index) noexcept;

    void draw(const RowLayout& row, const Fonts& fonts, float scale, ParameterAccess& access);

    /// The host moved the value since the row was last drawn, or the list has
    /// just opened (ImGui sizes a new list in one frame and shows it in the next).
    [[nodiscard]] bool needsRedraw(const ParameterAccess& access) const noexcept;

    /// A key while this row has the keyboard: arrows pick the next or
    /// previous label, Enter the next one round the list.
    void onKey(KeyAction action, ParameterAccess& access);

    /// Where label `item` sits in the open list when the list opens below the
    /// box, in window pixels at `scale` with body text `fontSize` high.
    [[nodiscard]] static Rect listItem(const RowLayout& row, float scale, float fontSize,
                                       std::size_t item) noexcept;

  private:
    const protocol::ParamSpec& spec_;
    std::size_t index_;
    EditGesture gesture_;
    float lastDrawn_ = -1.0F;
    bool listOpen_ = false;
    bool listJustOpened_ = false;
};

}  // namespace vstkit::ui
