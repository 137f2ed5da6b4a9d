#include "editor_view.h"

#include <imgui.h>

#include "theme.h"

namespace vstkit::ui {
namespace {

constexpr float kAccentBarWidth = 4.0F;
constexpr float kAccentBarGap = 10.0F;
constexpr float kHeaderInset = 16.0F;

constexpr ImGuiWindowFlags kWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
    ImGuiWindowFlags_NoBackground;

// Around a card's 6-pixel rounding, two pixels out.
constexpr float kCardOutlineRounding = 8.0F;

}  // namespace

EditorView::EditorView(std::span<const protocol::ParamSpec> parameters, std::string_view title)
    : title_(title) {
    rows_.reserve(parameters.size());
    for (std::size_t index = 0; index < parameters.size(); ++index) {
        const protocol::ParamSpec& spec = parameters[index];
        switch (spec.kind) {
            case protocol::ParamKind::Toggle:
                rows_.emplace_back(std::in_place_type<ToggleRow>, spec, index);
                break;
            case protocol::ParamKind::Choice:
                rows_.emplace_back(std::in_place_type<ComboRow>, spec, index);
                break;
            case protocol::ParamKind::Continuous:
            case protocol::ParamKind::Stepped:
                rows_.emplace_back(std::in_place_type<SliderRow>, spec, index);
                break;
        }
    }
}

void EditorView::draw(const Layout& layout, const Fonts& fonts, ParameterAccess& access) {
    ImGui::SetNextWindowPos(ImVec2{0.0F, 0.0F});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("##vstkit-editor", nullptr, kWindowFlags);
    ImGui::PushFont(fonts.body);
    drawHeader(layout, fonts);
    const bool typedBefore = typing();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        // A click on a row gives it the keyboard; a click elsewhere takes it away.
        const ImVec2 at = ImGui::GetIO().MousePos;
        keyboardRow_.reset();
        for (std::size_t index = 0; index < layout.rows.size() && index < rows_.size(); ++index) {
            if (layout.rows[index].card.contains(at.x, at.y)) {
                keyboardRow_ = index;
            }
        }
    }
    for (std::size_t index = 0; index < rows_.size() && index < layout.rows.size(); ++index) {
        std::visit([&](auto& row) { row.draw(layout.rows[index], fonts, layout.scale, access); },
                   rows_[index]);
    }
    // Keys that ended typing this frame (Enter, Escape) were the text field's.
    if (keyboardRow_ && !typedBefore && !typing()) {
        takeKeys(access);
    }
    drawKeyboardOutline(layout);
    ImGui::PopFont();
    ImGui::End();
}

void EditorView::drawHeader(const Layout& layout, const Fonts& fonts) const {
    const Palette& colours = palette();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const Rect& header = layout.header;
    const float scale = layout.scale;
    draw.AddRectFilled(ImVec2{header.x, header.y}, ImVec2{header.right(), header.bottom()},
                       colours.header);
    draw.AddLine(ImVec2{header.x, header.bottom() - 0.5F * scale},
                 ImVec2{header.right(), header.bottom() - 0.5F * scale}, colours.headerRule, scale);

    const float titleHeight = fonts.large->FontSize;
    const float barX = kHeaderInset * scale;
    const float barWidth = kAccentBarWidth * scale;
    draw.AddRectFilled(ImVec2{barX, header.centerY() - 0.5F * titleHeight},
                       ImVec2{barX + barWidth, header.centerY() + 0.5F * titleHeight},
                       colours.accent, 0.5F * barWidth);
    draw.AddText(
        fonts.large, titleHeight,
        ImVec2{barX + barWidth + kAccentBarGap * scale, header.centerY() - 0.5F * titleHeight},
        colours.text, title_.data(), title_.data() + title_.size());
}

bool EditorView::needsRedraw(const ParameterAccess& access) const noexcept {
    for (const Row& row : rows_) {
        if (std::visit([&](const auto& each) { return each.needsRedraw(access); }, row)) {
            return true;
        }
    }
    return false;
}

void EditorView::takeKeys(ParameterAccess& access) {
    const ImGuiIO& io = ImGui::GetIO();
    const std::size_t count = rows_.size();
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        keyboardRow_.reset();
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Tab, false) && count > 0) {
        keyboardRow_ =
            io.KeyShift ? (*keyboardRow_ + count - 1) % count : (*keyboardRow_ + 1) % count;
        return;
    }
    std::optional<KeyAction> action;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) || ImGui::IsKeyPressed(ImGuiKey_RightArrow)) {
        action = io.KeyShift ? KeyAction::FineStepUp : KeyAction::StepUp;
    } else if (ImGui::IsKeyPressed(ImGuiKey_DownArrow) || ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) {
        action = io.KeyShift ? KeyAction::FineStepDown : KeyAction::StepDown;
    } else if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
               ImGui::IsKeyPressed(ImGuiKey_KeyPadEnter, false)) {
        action = KeyAction::Activate;
    }
    if (action && *keyboardRow_ < count) {
        std::visit([&](auto& row) { row.onKey(*action, access); }, rows_[*keyboardRow_]);
    }
}

void EditorView::drawKeyboardOutline(const Layout& layout) const {
    if (!keyboardRow_ || *keyboardRow_ >= layout.rows.size()) {
        return;
    }
    const Rect& card = layout.rows[*keyboardRow_].card;
    const float width = 2.0F * layout.scale;
    ImGui::GetWindowDrawList()->AddRect(
        ImVec2{card.x - width, card.y - width}, ImVec2{card.right() + width, card.bottom() + width},
        palette().accent, kCardOutlineRounding * layout.scale, 0, width);
}

bool EditorView::wantsKeyboard() const noexcept {
    return keyboardRow_.has_value() || typing();
}

bool EditorView::typing() const noexcept {
    for (const Row& row : rows_) {
        if (const auto* slider = std::get_if<SliderRow>(&row);
            slider != nullptr && slider->typing()) {
            return true;
        }
    }
    return false;
}

void EditorView::abandonGestures(ParameterAccess& access) noexcept {
    for (Row& row : rows_) {
        if (auto* slider = std::get_if<SliderRow>(&row); slider != nullptr) {
            slider->abandon(access);
        }
    }
}

}  // namespace vstkit::ui
