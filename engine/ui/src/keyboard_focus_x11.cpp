#include "keyboard_focus_x11.h"

#include <X11/Xlib.h>

namespace vstkit::ui {

void KeyboardFocus::take(Display* display, unsigned long window) noexcept {
    XWindowAttributes attributes{};
    // Focusing a window that is not viewable is a BadMatch error.
    if (held_ || XGetWindowAttributes(display, window, &attributes) == 0 ||
        attributes.map_state != IsViewable) {
        return;
    }
    Window previous = None;
    XGetInputFocus(display, &previous, &previousRevertTo_);
    previous_ = previous;
    XSetInputFocus(display, window, RevertToParent, CurrentTime);
    held_ = true;
}

void KeyboardFocus::giveBack(Display* display, unsigned long window) noexcept {
    if (!held_) {
        return;
    }
    held_ = false;
    Window current = None;
    int revertTo = 0;
    XGetInputFocus(display, &current, &revertTo);
    if (current == window && previous_ != window) {
        XSetInputFocus(display, previous_, previousRevertTo_, CurrentTime);
    }
}

}  // namespace vstkit::ui
