#include "layout.h"

#include <algorithm>
#include <cmath>

#include "theme.h"

namespace vstkit::ui {
namespace {

// Unscaled metrics. At scale 1 with today's table (Gain, Bypass) the editor is
// 480x240 and the Gain track's grab zone covers the point (width/2,
// height*7/10), where the host's conformance check drags it.
constexpr float kWidth = 480.0F;
constexpr float kMargin = 16.0F;
constexpr float kHeaderHeight = 56.0F;
constexpr float kHeaderGap = 16.0F;
constexpr float kRowGap = 8.0F;
constexpr float kBottomMargin = 12.0F;
constexpr float kCardPadding = 14.0F;
constexpr float kBodyFont = 13.0F;
// Twice the body size: ImGui's default bitmap font stays crisp at whole multiples.
constexpr float kLargeFont = 26.0F;

constexpr float kSliderCardHeight = 112.0F;
constexpr float kSliderValueTop = 35.0F;
constexpr float kSliderTrackTop = 72.0F;
constexpr float kSliderTrackZone = 28.0F;

constexpr float kToggleCardHeight = 36.0F;
constexpr float kSwitchWidth = 34.0F;
constexpr float kSwitchHeight = 18.0F;
constexpr float kToggleValueWidth = 40.0F;
constexpr float kToggleValueGap = 10.0F;

constexpr float kChoiceCardHeight = 44.0F;
constexpr float kComboWidth = 180.0F;
// ImGui's combo box height: the body font and the frame padding above and below.
constexpr float kComboHeight = kBodyFont + 2.0F * kFramePaddingY;

// A column is never narrower than this (a slider still reads), nor is the editor.
constexpr float kMinColumnWidth = 320.0F;

constexpr float kMinScale = 0.5F;
constexpr float kMaxScale = 4.0F;

[[nodiscard]] float cardHeight(const protocol::ParamSpec& spec) noexcept {
    switch (spec.kind) {
        case protocol::ParamKind::Toggle:
            return kToggleCardHeight;
        case protocol::ParamKind::Choice:
            return kChoiceCardHeight;
        case protocol::ParamKind::Continuous:
        case protocol::ParamKind::Stepped:
            break;
    }
    return kSliderCardHeight;
}

[[nodiscard]] float naturalHeight(std::span<const protocol::ParamSpec> parameters) noexcept {
    float height = kHeaderHeight + kHeaderGap + kBottomMargin;
    for (const auto& spec : parameters) {
        height += cardHeight(spec);
    }
    if (!parameters.empty()) {
        height += kRowGap * static_cast<float>(parameters.size() - 1);
    }
    return height;
}

[[nodiscard]] Rect scaled(float x, float y, float width, float height, float scale) noexcept {
    return Rect{x * scale, y * scale, width * scale, height * scale};
}

[[nodiscard]] RowLayout sliderRow(Rect card, float scale) noexcept {
    const float pad = kCardPadding * scale;
    const float innerWidth = card.width - 2.0F * pad;
    RowLayout row{};
    row.card = card;
    row.label = Rect{card.x + pad, card.y + pad, innerWidth, kBodyFont * scale};
    row.value =
        Rect{card.x + pad, card.y + kSliderValueTop * scale, innerWidth, kLargeFont * scale};
    row.control =
        Rect{card.x + pad, card.y + kSliderTrackTop * scale, innerWidth, kSliderTrackZone * scale};
    return row;
}

[[nodiscard]] RowLayout toggleRow(Rect card, float scale) noexcept {
    const float pad = kCardPadding * scale;
    RowLayout row{};
    row.card = card;
    const float switchWidth = kSwitchWidth * scale;
    const float switchHeight = kSwitchHeight * scale;
    row.control = Rect{card.right() - pad - switchWidth, card.centerY() - 0.5F * switchHeight,
                       switchWidth, switchHeight};
    const float valueWidth = kToggleValueWidth * scale;
    const float textHeight = kBodyFont * scale;
    row.value = Rect{row.control.x - kToggleValueGap * scale - valueWidth,
                     card.centerY() - 0.5F * textHeight, valueWidth, textHeight};
    row.label = Rect{card.x + pad, row.value.y, row.value.x - card.x - pad, textHeight};
    return row;
}

[[nodiscard]] RowLayout choiceRow(Rect card, float scale) noexcept {
    const float pad = kCardPadding * scale;
    RowLayout row{};
    row.card = card;
    const float comboWidth = std::min(kComboWidth * scale, 0.5F * card.width);
    const float comboHeight = kComboHeight * scale;
    row.control = Rect{card.right() - pad - comboWidth, card.centerY() - 0.5F * comboHeight,
                       comboWidth, comboHeight};
    row.value = row.control;
    const float textHeight = kBodyFont * scale;
    row.label = Rect{card.x + pad, card.centerY() - 0.5F * textHeight,
                     row.control.x - card.x - 2.0F * pad, textHeight};
    return row;
}

[[nodiscard]] RowLayout rowFor(const protocol::ParamSpec& spec, Rect card, float scale) noexcept {
    switch (spec.kind) {
        case protocol::ParamKind::Toggle:
            return toggleRow(card, scale);
        case protocol::ParamKind::Choice:
            return choiceRow(card, scale);
        case protocol::ParamKind::Continuous:
        case protocol::ParamKind::Stepped:
            break;
    }
    return sliderRow(card, scale);
}

}  // namespace

float sanitizeScale(float scale) noexcept {
    if (!(scale == scale)) {
        return 1.0F;
    }
    return std::clamp(scale, kMinScale, kMaxScale);
}

Size naturalSize(std::span<const protocol::ParamSpec> parameters, float scale) noexcept {
    const float safeScale = sanitizeScale(scale);
    return Size{static_cast<int>(std::ceil(kWidth * safeScale)),
                static_cast<int>(std::ceil(naturalHeight(parameters) * safeScale))};
}

Size minimumSize(std::span<const protocol::ParamSpec> parameters, float scale) noexcept {
    const float s = sanitizeScale(scale);
    float tallest = 0.0F;
    for (const auto& spec : parameters) {
        tallest = std::max(tallest, cardHeight(spec));
    }
    const float height = kHeaderHeight + kHeaderGap + tallest + kBottomMargin;
    return Size{static_cast<int>(std::ceil(kMinColumnWidth * s)),
                static_cast<int>(std::ceil(height * s))};
}

namespace {

/// Splits the rows, in table order, into `columns` runs of about equal
/// height; returns the first row of each run.
std::vector<std::size_t> splitIntoColumns(std::span<const protocol::ParamSpec> parameters,
                                          int columns) {
    float total = 0.0F;
    for (const auto& spec : parameters) {
        total += cardHeight(spec) + kRowGap;
    }
    const float target = total / static_cast<float>(columns);
    std::vector<std::size_t> starts{0};
    float filled = 0.0F;
    for (std::size_t row = 0; row < parameters.size(); ++row) {
        const float height = cardHeight(parameters[row]) + kRowGap;
        // Start the next column when this row would overfill the current one
        // by more than half of itself.
        if (filled > 0.0F && filled + 0.5F * height > target &&
            static_cast<int>(starts.size()) < columns) {
            starts.push_back(row);
            filled = 0.0F;
        }
        filled += height;
    }
    return starts;
}

/// The tallest column's height (unscaled) for this split.
float tallestColumn(std::span<const protocol::ParamSpec> parameters,
                    const std::vector<std::size_t>& starts) {
    float tallest = 0.0F;
    for (std::size_t column = 0; column < starts.size(); ++column) {
        const std::size_t end = column + 1 < starts.size() ? starts[column + 1] : parameters.size();
        float height = 0.0F;
        for (std::size_t row = starts[column]; row < end; ++row) {
            height += cardHeight(parameters[row]) + (row + 1 < end ? kRowGap : 0.0F);
        }
        tallest = std::max(tallest, height);
    }
    return tallest;
}

}  // namespace

Layout computeLayout(std::span<const protocol::ParamSpec> parameters, float scale, int width,
                     int height, float scroll) {
    Layout layout;
    layout.scale = sanitizeScale(scale);
    const float s = layout.scale;
    layout.width = std::max(width, 1);
    layout.height = std::max(height, 1);
    layout.bodyFontSize = std::round(kBodyFont * s);
    layout.largeFontSize = std::round(kLargeFont * s);
    const float windowWidth = static_cast<float>(layout.width) / s;
    const float windowHeight = static_cast<float>(layout.height) / s;
    const float rowsTop = kHeaderHeight + kHeaderGap;

    // As many columns as it takes to fit the height, as far as the width allows.
    const int roomFor =
        std::max(1, static_cast<int>((windowWidth - kMargin) / (kMinColumnWidth + kMargin)));
    const int mostColumns = std::min(roomFor, std::max(1, static_cast<int>(parameters.size())));
    std::vector<std::size_t> starts{0};
    for (int columns = 1; columns <= mostColumns; ++columns) {
        starts = splitIntoColumns(parameters, columns);
        if (rowsTop + tallestColumn(parameters, starts) + kBottomMargin <= windowHeight) {
            break;
        }
    }
    layout.columns = static_cast<int>(starts.size());
    const float contentHeight = rowsTop + tallestColumn(parameters, starts) + kBottomMargin;
    layout.contentHeight = static_cast<int>(std::ceil(std::max(contentHeight, windowHeight) * s));
    layout.scroll = std::clamp(scroll == scroll ? scroll : 0.0F, 0.0F, layout.maxScroll());
    const float shift = layout.scroll / s;

    layout.header = scaled(0.0F, -shift, windowWidth, kHeaderHeight, s);
    const float columnWidth =
        std::max((windowWidth - kMargin * static_cast<float>(layout.columns + 1)) /
                     static_cast<float>(layout.columns),
                 2.0F * kCardPadding + 1.0F);
    layout.rows.reserve(parameters.size());
    for (std::size_t column = 0; column < starts.size(); ++column) {
        const std::size_t end = column + 1 < starts.size() ? starts[column + 1] : parameters.size();
        const float left = kMargin + static_cast<float>(column) * (columnWidth + kMargin);
        float top = rowsTop - shift;
        for (std::size_t row = starts[column]; row < end; ++row) {
            const auto& spec = parameters[row];
            layout.rows.push_back(
                rowFor(spec, scaled(left, top, columnWidth, cardHeight(spec), s), s));
            top += cardHeight(spec) + kRowGap;
        }
    }
    return layout;
}

Layout computeLayout(std::span<const protocol::ParamSpec> parameters, float scale, int width) {
    return computeLayout(parameters, scale, width, naturalSize(parameters, scale).height);
}

}  // namespace vstkit::ui
