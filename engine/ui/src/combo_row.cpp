#include "combo_row.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "theme.h"
#include "value_text.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::ui {
namespace {

constexpr float kCardRounding = 6.0F;
// The open list: padding around its labels, each label's height and the gap between.
constexpr float kListPaddingY = 6.0F;
constexpr float kItemHeight = 22.0F;
constexpr float kItemGap = 2.0F;

}  // namespace

ComboRow::ComboRow(const protocol::ParamSpec& spec, std::size_t index) noexcept
    : spec_(spec), index_(index), gesture_(index) {}

void ComboRow::onKey(KeyAction action, ParameterAccess& access) {
    const auto count = static_cast<long>(spec_.choices.size());
    if (count < 2 || listOpen_) {
        return;
    }
    const auto current =
        std::lround(protocol::fromNormalized(spec_, access.normalizedValue(index_)));
    const bool up = action == KeyAction::StepUp || action == KeyAction::FineStepUp;
    const long next = action == KeyAction::Activate
                          ? (current + 1) % count
                          : std::clamp(current + (up ? 1L : -1L), 0L, count - 1);
    if (next != current) {
        gesture_.set(access, protocol::toNormalized(spec_, static_cast<float>(next)));
    }
}

Rect ComboRow::listItem(const RowLayout& row, float scale, float fontSize,
                        std::size_t item) noexcept {
    // ImGui draws the box fontSize + 2 frame paddings high from the control's top.
    const float boxBottom = row.control.y + fontSize + 2.0F * kFramePaddingY * scale;
    const float pitch = (kItemHeight + kItemGap) * scale;
    return Rect{row.control.x, boxBottom + kListPaddingY * scale + static_cast<float>(item) * pitch,
                row.control.width, kItemHeight * scale};
}

void ComboRow::draw(const RowLayout& row, const Fonts& fonts, float scale,
                    ParameterAccess& access) {
    ImGui::PushID(static_cast<int>(index_));
    const float value = access.normalizedValue(index_);
    const auto current = static_cast<std::size_t>(protocol::fromNormalized(spec_, value));

    const Palette& colours = palette();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 cardMin{row.card.x, row.card.y};
    const ImVec2 cardMax{row.card.right(), row.card.bottom()};
    const bool hovered = ImGui::IsMouseHoveringRect(cardMin, cardMax) || listOpen_;
    const float rounding = kCardRounding * scale;
    draw.AddRectFilled(cardMin, cardMax, hovered ? colours.cardHovered : colours.card, rounding);
    draw.AddRect(cardMin, cardMax, colours.cardBorder, rounding, 0, scale);
    draw.AddText(fonts.body, fonts.body->FontSize, ImVec2{row.label.x, row.label.y}, colours.text,
                 spec_.name.data(), spec_.name.data() + spec_.name.size());

    // ImGui draws the box and the list; the labels are drawn here, so no label
    // needs a terminator or is cut at a "##".
    ImGui::SetCursorScreenPos(ImVec2{row.control.x, row.control.y});
    ImGui::SetNextItemWidth(row.control.width);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2{kFramePaddingX * scale, kListPaddingY * scale});
    const bool open = ImGui::BeginCombo("##choice", nullptr);
    ImGui::PopStyleVar();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const ValueText shown = ValueText::ofNormalized(spec_, value);
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    draw.AddText(fonts.body, fonts.body->FontSize,
                 ImVec2{row.control.x + padding.x, row.control.y + padding.y}, colours.text,
                 shown.begin(), shown.end());
    listJustOpened_ = open && !listOpen_;
    listOpen_ = open;
    if (open) {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2{0.0F, kItemGap * scale});
        for (std::size_t item = 0; item < spec_.choices.size(); ++item) {
            const bool selected = item == current;
            ImGui::PushID(static_cast<int>(item));
            if (ImGui::Selectable("##item", selected, ImGuiSelectableFlags_None,
                                  ImVec2{0.0F, kItemHeight * scale}) &&
                !selected) {
                gesture_.set(access, protocol::toNormalized(spec_, static_cast<float>(item)));
            }
            const bool itemHovered = ImGui::IsItemHovered();
            if (itemHovered) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            }
            const ImVec2 itemMin = ImGui::GetItemRectMin();
            const ImVec2 itemMax = ImGui::GetItemRectMax();
            const ValueText text = ValueText::ofPlain(spec_, static_cast<float>(item));
            ImGui::GetWindowDrawList()->AddText(
                fonts.body, fonts.body->FontSize,
                ImVec2{itemMin.x, 0.5F * (itemMin.y + itemMax.y - fonts.body->FontSize)},
                selected || itemHovered ? colours.text : colours.textDim, text.begin(), text.end());
            ImGui::PopID();
        }
        ImGui::PopStyleVar();
        ImGui::EndCombo();
    }
    lastDrawn_ = access.normalizedValue(index_);
    ImGui::PopID();
}

bool ComboRow::needsRedraw(const ParameterAccess& access) const noexcept {
    return listJustOpened_ || access.normalizedValue(index_) != lastDrawn_;
}

}  // namespace vstkit::ui
