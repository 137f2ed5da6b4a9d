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

/// Positions of everything the editor draws, for one window size, content
/// scale and scroll position.
struct Layout {
    float scale = 1.0F;
    int width = 0;
    int height = 0;
    /// Rows side by side: more than one when the window is too short for one
    /// column and wide enough for more.
    int columns = 1;
    /// The height of everything, in pixels: taller than `height` when the
    /// rows scroll.
    int contentHeight = 0;
    /// How far the content is scrolled up, in pixels (0..maxScroll()).
    float scroll = 0.0F;
    Rect header;
    /// Body text and the large readout font, in pixels at this scale.
    float bodyFontSize = 0.0F;
    float largeFontSize = 0.0F;
    /// One per parameter, in table order.
    std::vector<RowLayout> rows;

    [[nodiscard]] float maxScroll() const noexcept {
        return contentHeight > height ? static_cast<float>(contentHeight - height) : 0.0F;
    }
};

/// The editor's preferred size in whole pixels at a content scale.
struct Size {
    int width = 0;
    int height = 0;
};

[[nodiscard]] Size naturalSize(std::span<const protocol::ParamSpec> parameters,
                               float scale) noexcept;

/// The smallest window the editor accepts: narrow enough for any host, tall
/// enough for the header and its tallest row (the rest scroll).
[[nodiscard]] Size minimumSize(std::span<const protocol::ParamSpec> parameters,
                               float scale) noexcept;

/// Lays the rows out in a window `width` x `height` pixels: one column, or
/// more side by side when one would not fit the height and the width has
/// room; rows keep their height and stretch to the column's width. Content
/// taller than the window scrolls by `scroll` pixels (clamped).
[[nodiscard]] Layout computeLayout(std::span<const protocol::ParamSpec> parameters, float scale,
                                   int width, int height, float scroll = 0.0F);

/// The same at the natural height: one column, nothing to scroll.
[[nodiscard]] Layout computeLayout(std::span<const protocol::ParamSpec> parameters, float scale,
                                   int width);

/// Content scales the editor accepts; anything else is clamped into this range.
[[nodiscard]] float sanitizeScale(float scale) noexcept;

}  // namespace vstkit::ui
