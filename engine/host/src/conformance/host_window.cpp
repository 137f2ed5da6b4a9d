#include "host_window.h"

#include <algorithm>

namespace vstkit::host::conformance {

HostWindow::HostWindow(Display* display, int width, int height) : display_(display) {
    const int screen = DefaultScreen(display);
    window_ = XCreateSimpleWindow(display, RootWindow(display, screen), 0, 0,
                                  static_cast<unsigned>(std::max(width, 1)),
                                  static_cast<unsigned>(std::max(height, 1)), 0,
                                  BlackPixel(display, screen), BlackPixel(display, screen));
    XStoreName(display, window_, "vstkit-host editor check");
    XMapWindow(display, window_);
    XSync(display, False);
}

HostWindow::~HostWindow() {
    XDestroyWindow(display_, window_);
    XSync(display_, False);
}

void HostWindow::resize(int width, int height) {
    XResizeWindow(display_, window_, static_cast<unsigned>(std::max(width, 1)),
                  static_cast<unsigned>(std::max(height, 1)));
    XSync(display_, False);
}

}  // namespace vstkit::host::conformance
