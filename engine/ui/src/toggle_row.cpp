#include "toggle_row.h"

#include <imgui.h>

#include "theme.h"
#include "value_text.h"

namespace vstkit::ui {
namespace {

constexpr float kCardRounding = 6.0F;
constexpr float kKnobInset = 3.0F;

}  // namespace

ToggleRow::ToggleRow(const protocol::ParamSpec& spec, std::size_t index) noexcept
    : spec_(spec), index_(index), gesture_(index) {}

void ToggleRow::draw(const RowLayout& row, const Fonts& fonts, float scale,
                     ParameterAccess& access) {
    ImGui::PushID(static_cast<int>(index_));
    ImGui::SetCursorScreenPos(ImVec2{row.card.x, row.card.y});
    if (ImGui::InvisibleButton("##toggle", ImVec2{row.card.width, row.card.height})) {
        gesture_.set(access, access.normalizedValue(index_) >= 0.5F ? 0.0F : 1.0F);
    }
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const float value = access.normalizedValue(index_);
    const bool on = value >= 0.5F;

    const Palette& colours = palette();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 cardMin{row.card.x, row.card.y};
    const ImVec2 cardMax{row.card.right(), row.card.bottom()};
    const float rounding = kCardRounding * scale;
    draw.AddRectFilled(cardMin, cardMax, hovered ? colours.cardHovered : colours.card, rounding);
    draw.AddRect(cardMin, cardMax, colours.cardBorder, rounding, 0, scale);
    draw.AddText(fonts.body, fonts.body->FontSize, ImVec2{row.label.x, row.label.y}, colours.text,
                 spec_.name.data(), spec_.name.data() + spec_.name.size());

    const ValueText text = ValueText::ofNormalized(spec_, value);
    const float textWidth =
        fonts.body->CalcTextSizeA(fonts.body->FontSize, 1.0e6F, 0.0F, text.begin(), text.end()).x;
    draw.AddText(fonts.body, fonts.body->FontSize,
                 ImVec2{row.value.right() - textWidth, row.value.y},
                 on ? colours.text : colours.textDim, text.begin(), text.end());

    // A bypass switch turns amber when on: the plugin is out of the signal path.
    const ImU32 onColour =
        spec_.role == protocol::ParamRole::Bypass ? colours.bypassOn : colours.accent;
    const Rect& pill = row.control;
    const float radius = 0.5F * pill.height;
    draw.AddRectFilled(ImVec2{pill.x, pill.y}, ImVec2{pill.right(), pill.bottom()},
                       on ? onColour : colours.switchOff, radius);
    const float knobRadius = radius - kKnobInset * scale;
    const float knobX = on ? pill.right() - radius : pill.x + radius;
    draw.AddCircleFilled(ImVec2{knobX, pill.centerY()}, knobRadius, colours.knob);

    lastDrawn_ = value;
    ImGui::PopID();
}

void ToggleRow::onKey(KeyAction action, ParameterAccess& access) {
    const bool on = access.normalizedValue(index_) >= 0.5F;
    const bool wanted = action == KeyAction::Activate
                            ? !on
                            : action == KeyAction::StepUp || action == KeyAction::FineStepUp;
    if (wanted != on) {
        gesture_.set(access, wanted ? 1.0F : 0.0F);
    }
}

bool ToggleRow::needsRedraw(const ParameterAccess& access) const noexcept {
    return access.normalizedValue(index_) != lastDrawn_;
}

}  // namespace vstkit::ui
