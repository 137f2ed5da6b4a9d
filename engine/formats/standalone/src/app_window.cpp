#include "app_window.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include "screen_scale.h"

namespace vstkit::formats::standalone {

std::unique_ptr<AppWindow> AppWindow::connect(std::string& error) {
    std::unique_ptr<AppWindow> created{new AppWindow};
    created->display_ = XOpenDisplay(nullptr);
    if (created->display_ == nullptr) {
        const char* name = XDisplayName(nullptr);
        error = name != nullptr && name[0] != '\0'
                    ? std::string{"cannot open X display \""} + name + "\""
                    : std::string{"no X display (DISPLAY is not set)"};
        return nullptr;
    }
    return created;
}

float AppWindow::screenScale() const noexcept {
    return detectScreenScale(*display_);
}

void AppWindow::show(std::string_view title, Size size, Size minimum) {
    Display* const display = display_;
    const int screen = DefaultScreen(display);
    window_ =
        XCreateSimpleWindow(display, RootWindow(display, screen), 0, 0,
                            static_cast<unsigned>(size.width), static_cast<unsigned>(size.height),
                            0, BlackPixel(display, screen), BlackPixel(display, screen));
    const std::string name{title};
    XStoreName(display, window_, name.c_str());
    // Window managers show _NET_WM_NAME (UTF-8) where they support it.
    XChangeProperty(display, window_, XInternAtom(display, "_NET_WM_NAME", False),
                    XInternAtom(display, "UTF8_STRING", False), 8, PropModeReplace,
                    reinterpret_cast<const unsigned char*>(name.data()),
                    static_cast<int>(name.size()));
    XClassHint classHint{const_cast<char*>(name.c_str()), const_cast<char*>(name.c_str())};
    XSetClassHint(display, window_, &classHint);
    // Any size down to the editor's minimum: its rows stretch, reflow or scroll.
    XSizeHints* sizeHints = XAllocSizeHints();
    if (sizeHints != nullptr) {
        sizeHints->flags = PMinSize;
        sizeHints->min_width = minimum.width;
        sizeHints->min_height = minimum.height;
        XSetWMNormalHints(display, window_, sizeHints);
        XFree(sizeHints);
    }
    // Ask to be told about the close button instead of being disconnected.
    Atom deleteWindow = XInternAtom(display, "WM_DELETE_WINDOW", False);
    XSetWMProtocols(display, window_, &deleteWindow, 1);
    deleteWindowAtom_ = deleteWindow;
    size_ = size;
    XSelectInput(display, window_, StructureNotifyMask);
    XMapWindow(display, window_);
    // The editor connects separately and needs the window to exist on the server.
    XSync(display, False);
}

AppWindow::~AppWindow() {
    if (display_ == nullptr) {
        return;
    }
    if (window_ != 0) {
        XDestroyWindow(display_, window_);
    }
    XCloseDisplay(display_);
}

int AppWindow::connectionFd() const noexcept {
    return ConnectionNumber(display_);
}

bool AppWindow::closeRequested() noexcept {
    while (XPending(display_) > 0) {
        XEvent event;
        XNextEvent(display_, &event);
        if (event.type == ClientMessage &&
            static_cast<unsigned long>(event.xclient.data.l[0]) == deleteWindowAtom_) {
            closeRequested_ = true;
        } else if (event.type == ConfigureNotify && event.xconfigure.window == window_ &&
                   (event.xconfigure.width != size_.width ||
                    event.xconfigure.height != size_.height)) {
            size_ = {event.xconfigure.width, event.xconfigure.height};
            resized_ = true;
        } else if (event.type == DestroyNotify && event.xdestroywindow.window == window_) {
            window_ = 0;  // Gone already: nothing to destroy later.
            closeRequested_ = true;
        }
    }
    return closeRequested_;
}

std::optional<AppWindow::Size> AppWindow::takeResize() noexcept {
    if (!resized_) {
        return std::nullopt;
    }
    resized_ = false;
    return size_;
}

}  // namespace vstkit::formats::standalone
