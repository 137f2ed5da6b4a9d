#pragma once

#include <X11/Xlib.h>

namespace vstkit::host::conformance {

/// A top-level X11 window an editor embeds into, as a DAW's plugin window.
class HostWindow final {
  public:
    HostWindow(Display* display, int width, int height);
    ~HostWindow();
    HostWindow(const HostWindow&) = delete;
    HostWindow& operator=(const HostWindow&) = delete;
    HostWindow(HostWindow&&) = delete;
    HostWindow& operator=(HostWindow&&) = delete;

    [[nodiscard]] Window id() const noexcept { return window_; }
    /// Resizes the window, as a host does when the editor asks to be resized.
    void resize(int width, int height);

  private:
    Display* display_;
    Window window_;
};

}  // namespace vstkit::host::conformance
