#include "x11_error_trap.h"

#include <X11/Xlib.h>

namespace vstkit::ui {
namespace {

// Only the UI thread sets traps, so plain statics suffice.
XErrorTrap* innermostTrap = nullptr;
XErrorHandler replacedHandler = nullptr;

}  // namespace

struct XErrorTrapHandler {
    static int handle(Display* display, XErrorEvent* event) {
        for (XErrorTrap* trap = innermostTrap; trap != nullptr; trap = trap->outer_) {
            if (trap->display_ == display) {
                if (trap->firstErrorCode_ == 0) {
                    trap->firstErrorCode_ = event->error_code;
                }
                return 0;
            }
        }
        return replacedHandler != nullptr ? replacedHandler(display, event) : 0;
    }
};

XErrorTrap::XErrorTrap(Display* display) noexcept : display_(display), outer_(innermostTrap) {
    if (outer_ == nullptr) {
        replacedHandler = XSetErrorHandler(&XErrorTrapHandler::handle);
    }
    innermostTrap = this;
}

XErrorTrap::~XErrorTrap() {
    XSync(display_, False);
    innermostTrap = outer_;
    if (outer_ == nullptr) {
        XSetErrorHandler(replacedHandler);
        replacedHandler = nullptr;
    }
}

bool XErrorTrap::failed() noexcept {
    XSync(display_, False);
    return firstErrorCode_ != 0;
}

}  // namespace vstkit::ui
