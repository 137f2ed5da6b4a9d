#include "slider_row.h"

#include <imgui.h>

#include <algorithm>

#include "theme.h"
#include "value_text.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::ui {
namespace {

constexpr float kKnobRadius = 8.0F;
constexpr float kBarHeight = 6.0F;
constexpr float kTickHalfHeight = 7.0F;
constexpr float kCardRounding = 6.0F;
constexpr float kFineFactor = 0.1F;
constexpr float kWheelStep = 0.01F;
constexpr float kEntryWidth = 200.0F;

[[nodiscard]] ImVec2 topLeft(const Rect& rect) noexcept {
    return ImVec2{rect.x, rect.y};
}

[[nodiscard]] ImVec2 bottomRight(const Rect& rect) noexcept {
    return ImVec2{rect.right(), rect.bottom()};
}

/// The span the knob's centre travels along: the control less a knob at each end.
[[nodiscard]] float travel(const Rect& control, float scale) noexcept {
    return std::max(control.width - 2.0F * kKnobRadius * scale, 1.0F);
}

[[nodiscard]] float knobX(const Rect& control, float scale, float normalized) noexcept {
    return control.x + kKnobRadius * scale + normalized * travel(control, scale);
}

void addText(ImDrawList& draw, ImFont* font, ImVec2 position, ImU32 colour, const char* begin,
             const char* end) {
    draw.AddText(font, font->FontSize, position, colour, begin, end);
}

[[nodiscard]] float textWidth(ImFont* font, const char* begin, const char* end) {
    return font->CalcTextSizeA(font->FontSize, 1.0e6F, 0.0F, begin, end).x;
}

/// A stepped row's slider stops only at its steps; any other row's anywhere.
[[nodiscard]] float snapped(const protocol::ParamSpec& spec, float normalized) noexcept {
    if (!protocol::isDiscrete(spec)) {
        return normalized;
    }
    return protocol::toNormalized(spec, protocol::fromNormalized(spec, normalized));
}

// Steps closer than this (unscaled pixels) get no marks: the track would be a comb.
constexpr float kMinStepMarkGap = 6.0F;

}  // namespace

SliderRow::SliderRow(const protocol::ParamSpec& spec, std::size_t index) noexcept
    : spec_(spec), index_(index), gesture_(index) {}

void SliderRow::draw(const RowLayout& row, const Fonts& fonts, float scale,
                     ParameterAccess& access) {
    ImGui::PushID(static_cast<int>(index_));
    bool hovered = false;
    if (!entry_.active()) {
        ImGui::SetCursorScreenPos(topLeft(row.card));
        ImGui::InvisibleButton("##slider", ImVec2{row.card.width, row.card.height});
        hovered = ImGui::IsItemHovered();
        if (hovered || mode_ == Mode::Dragging) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        }
        handleMouse(row, scale, access.normalizedValue(index_), access);
    }
    const float shown = mode_ == Mode::Dragging ? dragValue_ : access.normalizedValue(index_);
    paint(row, fonts, scale, shown, hovered);

    if (entry_.active()) {
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        ImGui::PushFont(fonts.large);
        const ValueEntry::Result result =
            entry_.draw(spec_, ImVec2{row.value.x - padding.x, row.value.y - padding.y},
                        std::min(kEntryWidth * scale, row.value.width), scale);
        ImGui::PopFont();
        if (result.outcome == ValueEntry::Outcome::Committed) {
            gesture_.set(access, result.normalized);
        }
    }
    lastDrawn_ = shown;
    ImGui::PopID();
}

void SliderRow::handleMouse(const RowLayout& row, float scale, float current,
                            ParameterAccess& access) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
        if (io.KeyCtrl) {
            entry_.start(spec_, current);
            mode_ = Mode::Holding;
        } else if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            gesture_.set(access, protocol::toNormalized(spec_, spec_.defaultValue));
            mode_ = Mode::Holding;
        } else {
            // Hosts treat the press itself as touching the parameter.
            gesture_.begin(access, current);
            mode_ = Mode::Dragging;
            dragValue_ = current;
            anchorValue_ = current;
            anchorX_ = io.MousePos.x;
            anchorFine_ = io.KeyShift;
        }
    }
    if (mode_ == Mode::Dragging) {
        if (io.KeyShift != anchorFine_) {
            // Re-anchor so switching to fine steps never makes the value jump.
            anchorValue_ = dragValue_;
            anchorX_ = io.MousePos.x;
            anchorFine_ = io.KeyShift;
        }
        const float moved = (io.MousePos.x - anchorX_) / travel(row.control, scale);
        dragValue_ = snapped(
            spec_,
            std::clamp(anchorValue_ + moved * (anchorFine_ ? kFineFactor : 1.0F), 0.0F, 1.0F));
        gesture_.perform(access, dragValue_);
        if (!ImGui::IsItemActive()) {
            gesture_.end(access);
            mode_ = Mode::Idle;
        }
    } else if (mode_ == Mode::Holding && !ImGui::IsItemActive()) {
        mode_ = Mode::Idle;
    }
    if (mode_ == Mode::Idle && ImGui::IsItemHovered() && io.MouseWheel != 0.0F) {
        // One notch is one step of a stepped row.
        const int steps = protocol::stepCount(spec_);
        const float step = steps > 0 ? 1.0F / static_cast<float>(steps)
                                     : kWheelStep * (io.KeyShift ? kFineFactor : 1.0F);
        gesture_.set(access,
                     snapped(spec_, std::clamp(current + io.MouseWheel * step, 0.0F, 1.0F)));
    }
}

void SliderRow::paint(const RowLayout& row, const Fonts& fonts, float scale, float shown,
                      bool hovered) {
    const Palette& colours = palette();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const bool dragging = mode_ == Mode::Dragging;
    paintedTyping_ = entry_.active();
    const float rounding = kCardRounding * scale;
    draw.AddRectFilled(topLeft(row.card), bottomRight(row.card),
                       hovered || dragging ? colours.cardHovered : colours.card, rounding);
    draw.AddRect(topLeft(row.card), bottomRight(row.card), colours.cardBorder, rounding, 0, scale);

    addText(draw, fonts.body, topLeft(row.label), colours.text, spec_.name.data(),
            spec_.name.data() + spec_.name.size());
    // The range, right-aligned on the name's line: "-24.0 dB to 24.0 dB".
    const ValueText minimum = ValueText::ofPlain(spec_, spec_.minValue);
    const ValueText maximum = ValueText::ofPlain(spec_, spec_.maxValue);
    constexpr std::string_view kTo = "  to  ";
    const ImU32 rangeColour = entry_.rejected() ? colours.error : colours.textDim;
    float x = row.label.right() - textWidth(fonts.body, maximum.begin(), maximum.end());
    addText(draw, fonts.body, ImVec2{x, row.label.y}, rangeColour, maximum.begin(), maximum.end());
    x -= textWidth(fonts.body, kTo.data(), kTo.data() + kTo.size());
    addText(draw, fonts.body, ImVec2{x, row.label.y}, colours.textDim, kTo.data(),
            kTo.data() + kTo.size());
    x -= textWidth(fonts.body, minimum.begin(), minimum.end());
    addText(draw, fonts.body, ImVec2{x, row.label.y}, rangeColour, minimum.begin(), minimum.end());

    if (!entry_.active()) {
        const ValueText readout = ValueText::ofNormalized(spec_, shown);
        addText(draw, fonts.large, topLeft(row.value),
                dragging ? colours.accentBright : colours.text, readout.begin(), readout.end());
    }

    const Rect& control = row.control;
    const float centreY = control.centerY();
    const float barHalf = 0.5F * kBarHeight * scale;
    const float knobAt = knobX(control, scale, shown);
    const float defaultAt =
        knobX(control, scale, protocol::toNormalized(spec_, spec_.defaultValue));
    const float tickHalf = kTickHalfHeight * scale;
    draw.AddLine(ImVec2{defaultAt, centreY - tickHalf}, ImVec2{defaultAt, centreY + tickHalf},
                 colours.tick, 2.0F * scale);
    draw.AddRectFilled(ImVec2{control.x, centreY - barHalf},
                       ImVec2{control.right(), centreY + barHalf}, colours.track, barHalf);
    const int steps = protocol::stepCount(spec_);
    if (steps > 0 &&
        travel(control, scale) / static_cast<float>(steps) >= kMinStepMarkGap * scale) {
        // A stepped row marks where its knob can stop.
        for (int step = 0; step <= steps; ++step) {
            const float at =
                knobX(control, scale, static_cast<float>(step) / static_cast<float>(steps));
            draw.AddCircleFilled(ImVec2{at, centreY + tickHalf + 2.0F * scale}, 1.5F * scale,
                                 colours.tick);
        }
    }
    // Filled from the default, so a gain shows cut or boost at a glance.
    draw.AddRectFilled(ImVec2{std::min(defaultAt, knobAt), centreY - barHalf},
                       ImVec2{std::max(defaultAt, knobAt), centreY + barHalf},
                       dragging ? colours.accentBright : colours.accent, barHalf);
    const float knobRadius = kKnobRadius * scale;
    if (hovered || dragging) {
        draw.AddCircleFilled(ImVec2{knobAt, centreY}, knobRadius + 3.0F * scale,
                             (colours.accent & ~IM_COL32_A_MASK) | (0x50U << IM_COL32_A_SHIFT));
    }
    draw.AddCircleFilled(ImVec2{knobAt, centreY}, knobRadius, colours.knob);
    draw.AddCircle(ImVec2{knobAt, centreY}, knobRadius, colours.accent, 0, 2.0F * scale);
}

bool SliderRow::needsRedraw(const ParameterAccess& access) const noexcept {
    return entry_.active() || paintedTyping_ || access.normalizedValue(index_) != lastDrawn_;
}

void SliderRow::onKey(KeyAction action, ParameterAccess& access) {
    if (mode_ != Mode::Idle || entry_.active()) {
        return;
    }
    const float current = access.normalizedValue(index_);
    if (action == KeyAction::Activate) {
        entry_.start(spec_, current);
        return;
    }
    // Like a wheel notch: one step of a stepped row, else 1 % (or a tenth of it).
    const bool fine = action == KeyAction::FineStepUp || action == KeyAction::FineStepDown;
    const bool up = action == KeyAction::StepUp || action == KeyAction::FineStepUp;
    const int steps = protocol::stepCount(spec_);
    const float step =
        steps > 0 ? 1.0F / static_cast<float>(steps) : kWheelStep * (fine ? kFineFactor : 1.0F);
    const float next = snapped(spec_, std::clamp(current + (up ? step : -step), 0.0F, 1.0F));
    if (next != current) {
        gesture_.set(access, next);
    }
}

void SliderRow::abandon(ParameterAccess& access) noexcept {
    gesture_.end(access);
    mode_ = Mode::Idle;
}

}  // namespace vstkit::ui
