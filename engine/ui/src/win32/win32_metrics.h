#pragma once

#include <cmath>
#include <cstddef>

namespace vstkit::ui::win32 {

/// The Win32 editor's measures at content scale 1.0 (96 dpi), in pixels:
/// a header with the title, then one row per parameter (name, control,
/// value box). Every measure is multiplied by the scale.
struct Metrics {
    static constexpr int kMargin = 12;
    static constexpr int kHeaderHeight = 44;
    static constexpr int kRowHeight = 34;
    static constexpr int kControlHeight = 26;
    static constexpr int kNameWidth = 110;
    static constexpr int kValueWidth = 96;
    static constexpr int kGap = 8;
    /// The control column's width at the natural and at the smallest size.
    static constexpr int kNaturalControlWidth = 220;
    static constexpr int kMinimumControlWidth = 100;
    static constexpr int kBodyFontHeight = 15;
    static constexpr int kTitleFontHeight = 22;

    [[nodiscard]] static int scaled(int pixels, float scale) noexcept {
        return static_cast<int>(std::lround(static_cast<double>(pixels) * scale));
    }
    [[nodiscard]] static int widthFor(int controlWidth, float scale) noexcept {
        return scaled(2 * kMargin + kNameWidth + kValueWidth + 2 * kGap + controlWidth, scale);
    }
    /// The height that shows `rows` rows without scrolling, summed from the
    /// scaled parts as the rows are placed (at 1.25 a row is 43 px, not 42.5).
    [[nodiscard]] static int heightFor(std::size_t rows, float scale) noexcept {
        return scaled(kHeaderHeight, scale) + static_cast<int>(rows) * scaled(kRowHeight, scale) +
               scaled(kMargin, scale);
    }
};

}  // namespace vstkit::ui::win32
