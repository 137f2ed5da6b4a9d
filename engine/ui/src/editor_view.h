#pragma once

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
class EditorView final {
  public:
    /// `title` must outlive the view.
    EditorView(std::span<const protocol::ParamSpec> parameters, std::string_view title);

    /// Draws one ImGui frame's content and turns its input into edits.
    void draw(const Layout& layout, const Fonts& fonts, ParameterAccess& access);

    /// A value moved since the last frame, or a text field is open (its cursor blinks).
    [[nodiscard]] bool needsRedraw(const ParameterAccess& access) const noexcept;
    [[nodiscard]] bool typing() const noexcept;

    /// Ends any drag in progress: the editor is closing.
    void abandonGestures(ParameterAccess& access) noexcept;

  private:
    using Row = std::variant<SliderRow, ToggleRow, ComboRow>;

    void drawHeader(const Layout& layout, const Fonts& fonts) const;

    std::string_view title_;
    std::vector<Row> rows_;
};

}  // namespace vstkit::ui
