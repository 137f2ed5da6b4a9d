#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "combo_row.h"
#include "fonts.h"
#include "layout.h"
#include "slider_row.h"
#include "toggle_row.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// What the editor shows: a header with the title, then one row per entry of
/// the parameter table, chosen by its kind: a slider for a continuous or
/// stepped value, a switch for a toggle, a combo box for a choice. A new
/// parameter needs no UI code.
///
/// Keyboard: a click on a row gives it the keyboard (an accent outline shows
/// which); Tab and Shift-Tab move to the next or previous row, arrows nudge
/// (Shift for a fine step), Enter types a value (a toggle flips), Escape
/// cancels typing or hands the keyboard back to the host. Each change is one
/// gesture in the host.
class EditorView final {
  public:
    /// `title` must outlive the view.
    EditorView(std::span<const protocol::ParamSpec> parameters, std::string_view title);

    /// Draws one ImGui frame's content and turns its input into edits.
    void draw(const Layout& layout, const Fonts& fonts, ParameterAccess& access);

    /// A value moved since the last frame, or a text field is open (its cursor blinks).
    [[nodiscard]] bool needsRedraw(const ParameterAccess& access) const noexcept;
    [[nodiscard]] bool typing() const noexcept;
    /// A row has the keyboard or a value is being typed: the window should
    /// hold the keyboard focus.
    [[nodiscard]] bool wantsKeyboard() const noexcept;
    /// The keyboard went elsewhere (the host took the focus): no row has it.
    void keyboardLost() noexcept { keyboardRow_.reset(); }

    /// Ends any drag in progress: the editor is closing.
    void abandonGestures(ParameterAccess& access) noexcept;

  private:
    using Row = std::variant<SliderRow, ToggleRow, ComboRow>;

    void drawHeader(const Layout& layout, const Fonts& fonts) const;
    void takeKeys(ParameterAccess& access);
    void drawKeyboardOutline(const Layout& layout) const;

    std::string_view title_;
    std::vector<Row> rows_;
    /// The row keys go to, once one was clicked.
    std::optional<std::size_t> keyboardRow_;
};

}  // namespace vstkit::ui
