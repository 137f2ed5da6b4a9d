#include "parameter_row.h"

#include <commctrl.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "../value_text.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"
#include "wide_text.h"
#include "win32_metrics.h"

namespace vstkit::ui::win32 {

namespace {

/// A continuous trackbar's positions: finer than any screen is wide.
constexpr int kContinuousPositions = 1000;

HWND makeChild(const wchar_t* windowClass, const std::wstring& text, DWORD style, HWND parent,
               int id, HINSTANCE instance, HFONT font) {
    HWND child = CreateWindowExW(0, windowClass, text.c_str(), WS_CHILD | WS_VISIBLE | style, 0, 0,
                                 10, 10, parent, reinterpret_cast<HMENU>(static_cast<INT_PTR>(id)),
                                 instance, nullptr);
    if (child != nullptr) {
        SendMessageW(child, WM_SETFONT, reinterpret_cast<WPARAM>(font), FALSE);
    }
    return child;
}

}  // namespace

bool ParameterRow::create(HWND parent, HINSTANCE instance, HFONT font) {
    name_ = makeChild(WC_STATICW, widen(spec_->name), SS_LEFT | SS_CENTERIMAGE, parent, -1,
                      instance, font);
    switch (spec_->kind) {
        case protocol::ParamKind::Toggle:
            control_ = makeChild(WC_BUTTONW, L"", BS_AUTOCHECKBOX | WS_TABSTOP, parent, firstId_,
                                 instance, font);
            break;
        case protocol::ParamKind::Choice:
            control_ = makeChild(WC_COMBOBOXW, L"", CBS_DROPDOWNLIST | WS_VSCROLL | WS_TABSTOP,
                                 parent, firstId_, instance, font);
            if (control_ != nullptr) {
                for (const auto label : spec_->choices) {
                    const std::wstring wide = widen(label);
                    SendMessageW(control_, CB_ADDSTRING, 0, reinterpret_cast<LPARAM>(wide.c_str()));
                }
            }
            break;
        case protocol::ParamKind::Continuous:
        case protocol::ParamKind::Stepped:
            control_ =
                makeChild(TRACKBAR_CLASSW, L"", TBS_HORZ | TBS_BOTH | TBS_NOTICKS | WS_TABSTOP,
                          parent, firstId_, instance, font);
            if (control_ != nullptr) {
                SendMessageW(control_, TBM_SETRANGEMIN, FALSE, 0);
                SendMessageW(control_, TBM_SETRANGEMAX, TRUE, trackbarSteps());
                SendMessageW(control_, TBM_SETPAGESIZE, 0, std::max(1, trackbarSteps() / 10));
                SendMessageW(control_, TBM_SETLINESIZE, 0, std::max(1, trackbarSteps() / 100));
            }
            break;
    }
    valueBox_ = makeChild(WC_EDITW, L"", WS_BORDER | ES_AUTOHSCROLL | WS_TABSTOP, parent,
                          firstId_ + 1, instance, font);
    return name_ != nullptr && control_ != nullptr && valueBox_ != nullptr;
}

void ParameterRow::place(int top, int width, float scale) noexcept {
    const int margin = Metrics::scaled(Metrics::kMargin, scale);
    const int gap = Metrics::scaled(Metrics::kGap, scale);
    const int nameWidth = Metrics::scaled(Metrics::kNameWidth, scale);
    const int valueWidth = Metrics::scaled(Metrics::kValueWidth, scale);
    const int rowHeight = Metrics::scaled(Metrics::kRowHeight, scale);
    const int controlHeight = Metrics::scaled(Metrics::kControlHeight, scale);
    const int controlTop = top + (rowHeight - controlHeight) / 2;
    const int controlLeft = margin + nameWidth + gap;
    const int controlWidth = std::max(1, width - controlLeft - gap - valueWidth - margin);
    MoveWindow(name_, margin, controlTop, nameWidth, controlHeight, TRUE);
    // A drop-down list's height includes its open list.
    const int listHeight = spec_->kind == protocol::ParamKind::Choice
                               ? controlHeight * (static_cast<int>(spec_->choices.size()) + 2)
                               : controlHeight;
    MoveWindow(control_, controlLeft, controlTop, controlWidth, listHeight, TRUE);
    MoveWindow(valueBox_, controlLeft + controlWidth + gap, controlTop, valueWidth, controlHeight,
               TRUE);
}

int ParameterRow::trackbarSteps() const noexcept {
    const int steps = protocol::stepCount(*spec_);
    return steps > 0 ? steps : kContinuousPositions;
}

float ParameterRow::normalizedOfPosition(int position) const noexcept {
    return std::clamp(static_cast<float>(position) / static_cast<float>(trackbarSteps()), 0.0F,
                      1.0F);
}

int ParameterRow::positionOf(float normalized) const noexcept {
    return static_cast<int>(std::lround(static_cast<double>(normalized) * trackbarSteps()));
}

void ParameterRow::onScroll(ParameterAccess& access, int code) noexcept {
    const auto position = static_cast<int>(SendMessageW(control_, TBM_GETPOS, 0, 0));
    const float normalized = normalizedOfPosition(position);
    switch (code) {
        case TB_THUMBTRACK:
            // The thumb is being dragged: one gesture from the first move to the release.
            if (!gesture_.active()) {
                gesture_.begin(access, access.normalizedValue(index_));
            }
            gesture_.perform(access, normalized);
            break;
        case TB_THUMBPOSITION:
            if (gesture_.active()) {
                gesture_.perform(access, normalized);
            }
            break;
        case TB_ENDTRACK:
            if (gesture_.active()) {
                gesture_.end(access);
            }
            break;
        default:
            // A click beside the thumb, an arrow key, Page Up or Down: one whole step.
            if (gesture_.active()) {
                gesture_.perform(access, normalized);
            } else {
                gesture_.set(access, normalized);
            }
            break;
    }
    show(normalized, true);
}

bool ParameterRow::onWheel(ParameterAccess& access, int delta) noexcept {
    if (spec_->kind != protocol::ParamKind::Continuous &&
        spec_->kind != protocol::ParamKind::Stepped) {
        return false;
    }
    const int notches = wheel_.take(delta);
    if (notches != 0) {
        const auto line = static_cast<int>(SendMessageW(control_, TBM_GETLINESIZE, 0, 0));
        const auto position = static_cast<int>(SendMessageW(control_, TBM_GETPOS, 0, 0));
        SendMessageW(control_, TBM_SETPOS, TRUE,
                     std::clamp(position + notches * line, 0, trackbarSteps()));
        onScroll(access, TB_LINEDOWN);  // One whole step, as an arrow key gives.
    }
    return true;
}

void ParameterRow::release(ParameterAccess& access) noexcept {
    if (gesture_.active()) {
        gesture_.end(access);
    }
}

void ParameterRow::setFont(HFONT font) noexcept {
    for (HWND child : {name_, control_, valueBox_}) {
        SendMessageW(child, WM_SETFONT, reinterpret_cast<WPARAM>(font), FALSE);
    }
}

void ParameterRow::onPress(ParameterAccess& access, int x, int y) noexcept {
    if (spec_->kind != protocol::ParamKind::Continuous &&
        spec_->kind != protocol::ParamKind::Stepped) {
        return;
    }
    RECT channel{};
    RECT thumb{};
    SendMessageW(control_, TBM_GETCHANNELRECT, 0, reinterpret_cast<LPARAM>(&channel));
    SendMessageW(control_, TBM_GETTHUMBRECT, 0, reinterpret_cast<LPARAM>(&thumb));
    if (PtInRect(&thumb, POINT{x, y}) != FALSE || (x >= thumb.left && x < thumb.right)) {
        // On the thumb the trackbar drags it itself; above or below it the
        // thumb is already where the pointer is.
        return;
    }
    // Elsewhere the thumb jumps to the pointer, so the trackbar's own hit
    // test then finds it there and drags it. If the press is outside the
    // thumb's height the trackbar does not take the mouse, and the editor
    // ends the gesture at once (ParameterRow::release).
    // The thumb's centre travels from the channel's start plus half a thumb
    // to its end minus half a thumb.
    const int thumbWidth = thumb.right - thumb.left;
    const int travel = std::max(1, static_cast<int>(channel.right - channel.left) - thumbWidth);
    const double fraction =
        std::clamp(static_cast<double>(x - channel.left - thumbWidth / 2) / travel, 0.0, 1.0);
    const int position = static_cast<int>(std::lround(fraction * trackbarSteps()));
    const float normalized = normalizedOfPosition(position);
    if (!gesture_.active()) {
        gesture_.begin(access, access.normalizedValue(index_));
    }
    gesture_.perform(access, normalized);
    SendMessageW(control_, TBM_SETPOS, TRUE, position);
    showValueText(normalized);
    shown_ = normalized;
}

void ParameterRow::onCommand(ParameterAccess& access, int id, int code) noexcept {
    if (id == firstId_ + 1) {
        if (code == EN_KILLFOCUS) {
            showValueText(shown_);  // Typing left unfinished is dropped.
        }
        return;
    }
    if (spec_->kind == protocol::ParamKind::Toggle && code == BN_CLICKED) {
        const bool on = SendMessageW(control_, BM_GETCHECK, 0, 0) == BST_CHECKED;
        gesture_.set(access, on ? 1.0F : 0.0F);
        show(on ? 1.0F : 0.0F, true);
    } else if (spec_->kind == protocol::ParamKind::Choice && code == CBN_SELCHANGE) {
        const auto selected = SendMessageW(control_, CB_GETCURSEL, 0, 0);
        if (selected != CB_ERR) {
            const float normalized =
                protocol::toNormalized(*spec_, static_cast<float>(selected) + spec_->minValue);
            gesture_.set(access, normalized);
            show(normalized, true);
        }
    }
}

void ParameterRow::onValueKey(ParameterAccess& access, WPARAM key) noexcept {
    if (key == VK_ESCAPE) {
        showValueText(shown_);
        return;
    }
    if (key != VK_RETURN) {
        return;
    }
    std::wstring typed(static_cast<std::size_t>(GetWindowTextLengthW(valueBox_)) + 1, L'\0');
    typed.resize(static_cast<std::size_t>(
        GetWindowTextW(valueBox_, typed.data(), static_cast<int>(typed.size()))));
    const auto plain = protocol::parseValue(*spec_, narrow(typed));
    if (!plain) {
        // Not a value of this parameter: nothing changes, and the text stays to be mended.
        MessageBeep(MB_ICONWARNING);
        SendMessageW(valueBox_, EM_SETSEL, 0, -1);
        return;
    }
    const float normalized = protocol::toNormalized(*spec_, *plain);
    gesture_.set(access, normalized);
    show(normalized, true);
    SendMessageW(valueBox_, EM_SETSEL, 0, -1);
}

void ParameterRow::follow(const ParameterAccess& access) noexcept {
    if (gesture_.active()) {
        return;  // The person's drag wins until it ends.
    }
    const float normalized = access.normalizedValue(index_);
    if (normalized != shown_) {
        // Typing in progress is not overwritten by the host's value.
        show(normalized, GetFocus() != valueBox_);
    }
}

void ParameterRow::abandon(ParameterAccess& access) noexcept {
    if (gesture_.active()) {
        gesture_.end(access);
    }
}

void ParameterRow::show(float normalized, bool evenTheValueBox) noexcept {
    shown_ = normalized;
    switch (spec_->kind) {
        case protocol::ParamKind::Toggle:
            SendMessageW(control_, BM_SETCHECK, normalized >= 0.5F ? BST_CHECKED : BST_UNCHECKED,
                         0);
            break;
        case protocol::ParamKind::Choice: {
            const float plain = protocol::fromNormalized(*spec_, normalized);
            SendMessageW(control_, CB_SETCURSEL,
                         static_cast<WPARAM>(std::lround(plain - spec_->minValue)), 0);
            break;
        }
        case protocol::ParamKind::Continuous:
        case protocol::ParamKind::Stepped:
            if (!gesture_.active()) {
                SendMessageW(control_, TBM_SETPOS, TRUE, positionOf(normalized));
            }
            break;
    }
    if (evenTheValueBox) {
        showValueText(normalized);
    }
}

void ParameterRow::showValueText(float normalized) noexcept {
    if (normalized < 0.0F) {
        return;
    }
    try {
        const std::wstring text = widen(ValueText::ofNormalized(*spec_, normalized).view());
        SetWindowTextW(valueBox_, text.c_str());
    } catch (...) {
        // Out of memory: the box keeps its old text until the next change.
    }
}

}  // namespace vstkit::ui::win32
