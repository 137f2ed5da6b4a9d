#include "edit_gesture.h"

namespace vstkit::ui {
namespace {

template <typename Call>
void guarded(Call&& call) noexcept {
    try {
        call();
    } catch (...) {
        // Swallowed on purpose; see EditGesture.
    }
}

}  // namespace

void EditGesture::begin(ParameterAccess& access, float current) noexcept {
    if (active_) {
        return;
    }
    active_ = true;
    lastSent_ = current;
    guarded([&] { access.beginEdit(index_); });
}

void EditGesture::perform(ParameterAccess& access, float normalized) noexcept {
    if (active_ && normalized != lastSent_) {
        lastSent_ = normalized;
        guarded([&] { access.performEdit(index_, normalized); });
    }
}

void EditGesture::end(ParameterAccess& access) noexcept {
    if (active_) {
        active_ = false;
        guarded([&] { access.endEdit(index_); });
    }
}

void EditGesture::set(ParameterAccess& access, float normalized) noexcept {
    end(access);
    begin(access, normalized);
    guarded([&] { access.performEdit(index_, normalized); });
    end(access);
}

}  // namespace vstkit::ui
