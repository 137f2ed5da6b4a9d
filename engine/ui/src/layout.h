#pragma once

#include <span>
#include <vector>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::ui {

/// An axis-aligned rectangle in window pixels.
struct Rect {
    float x = 0.0F;
    float y = 0.0F;
    float width = 0.0F;
    float height = 0.0F;

    [[nodiscard]] constexpr float right() const noexcept { return x + width; }
    [[nodiscard]] constexpr float bottom() const noexcept { return y + height; }
    [[nodiscard]] constexpr float centerX() const noexcept { return x + 0.5F * width; }
    [[nodiscard]] constexpr float centerY() const noexcept { return y + 0.5F * height; }
    [[nodiscard]] constexpr bool contains(float px, float py) const noexcept {
        return px >= x && px < right() && py >= y && py < bottom();
    }
};

/// Where one parameter row draws. The whole card takes the mouse, so a slider
/// can be grabbed anywhere on its row, not only on the thin track.
struct RowLayout {
    Rect card;
    /// The name, and on a slider row the range at the right of the same line.
    Rect label;
    /// A slider's large value readout; a toggle's "On"/"Off" left of the switch;
    /// a choice's combo box, which shows the label.
    Rect value;
    /// The slider track's grab zone, the switch, or the combo box.
    Rect control;
};

/// Positions of everything the editor draws, for one window width and content scale.
struct Layout {
    float scale = 1.0F;
    int width = 0;
    int height = 0;
    Rect header;
    /// Body text and the large readout font, in pixels at this scale.
    float bodyFontSize = 0.0F;
    float largeFontSize = 0.0F;
    /// One per parameter, in table order.
    std::vector<RowLayout> rows;
};

/// The editor's preferred size in whole pixels at a content scale.
struct Size {
    int width = 0;
    int height = 0;
};

[[nodiscard]] Size naturalSize(std::span<const protocol::ParamSpec> parameters,
                               float scale) noexcept;

/// Lays the rows out top to bottom across a window `width` pixels wide; rows
/// keep their height when the window is taller than natural.
[[nodiscard]] Layout computeLayout(std::span<const protocol::ParamSpec> parameters, float scale,
                                   int width);

/// Content scales the editor accepts; anything else is clamped into this range.
[[nodiscard]] float sanitizeScale(float scale) noexcept;

}  // namespace vstkit::ui
