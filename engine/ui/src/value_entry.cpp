#include "value_entry.h"

#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "theme.h"
#include "value_text.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::ui {

void ValueEntry::start(const protocol::ParamSpec& spec, float normalized) noexcept {
    const ValueText current = ValueText::ofNormalized(spec, normalized);
    const std::size_t length = std::min(current.view().size(), text_.size() - 1);
    std::copy_n(current.begin(), length, text_.begin());
    text_[length] = '\0';
    active_ = true;
    rejected_ = false;
    wantsFocus_ = true;
}

void ValueEntry::stop() noexcept {
    active_ = false;
    rejected_ = false;
    wantsFocus_ = false;
}

ValueEntry::Result ValueEntry::draw(const protocol::ParamSpec& spec, const ImVec2& position,
                                    float width, float scale) {
    const Palette& colours = palette();
    ImGui::SetCursorScreenPos(position);
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleColor(ImGuiCol_Border, rejected_ ? colours.error : colours.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, (rejected_ ? 2.0F : 1.0F) * scale);
    const bool focusRequested = wantsFocus_;
    if (focusRequested) {
        // Takes effect next frame: the field then activates with its text selected.
        ImGui::SetKeyboardFocusHere();
        wantsFocus_ = false;
    }
    const bool entered =
        ImGui::InputText("##entry", text_.data(), text_.size(),
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool editing = ImGui::IsItemActive();
    const bool deactivated = ImGui::IsItemDeactivated();
    const bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemEdited()) {
        rejected_ = false;
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    Result result;
    if (entered) {
        if (const auto plain = protocol::parseValue(spec, std::string_view{text_.data()})) {
            stop();
            result = Result{Outcome::Committed, protocol::toNormalized(spec, *plain)};
        } else {
            rejected_ = true;
            wantsFocus_ = true;  // Enter dropped the focus; give it back to fix the text.
        }
    } else if (deactivated) {
        stop();  // Escape, or a click elsewhere.
        result.outcome = Outcome::Cancelled;
    } else if (!editing && !focusRequested &&
               (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
                (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !hovered))) {
        stop();  // The same while the field waits to be focused again.
        result.outcome = Outcome::Cancelled;
    }
    return result;
}

}  // namespace vstkit::ui
