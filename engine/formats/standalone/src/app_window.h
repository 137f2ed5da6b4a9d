#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vstkit/ui/native_window.h"

struct _XDisplay;

namespace vstkit::formats::standalone {

/// The app's top-level X11 window: titled with the app's name, resizable
/// down to the editor's minimum, and the parent the editor embeds itself in
/// (on its own X connection). Main thread only.
class AppWindow final {
  public:
    /// The window's size in pixels.
    struct Size {
        int width = 0;
        int height = 0;
    };

    /// Connects to $DISPLAY; show() then maps the window. On failure returns
    /// nullptr with a one-line reason in `error`.
    [[nodiscard]] static std::unique_ptr<AppWindow> connect(std::string& error);
    /// The desktop's content scale, read on this connection (detectScreenScale).
    [[nodiscard]] float screenScale() const noexcept;
    /// Maps a window of the given size, which the user may resize down to
    /// `minimum`. Once only.
    void show(std::string_view title, Size size, Size minimum);
    ~AppWindow();

    AppWindow(const AppWindow&) = delete;
    AppWindow& operator=(const AppWindow&) = delete;
    AppWindow(AppWindow&&) = delete;
    AppWindow& operator=(AppWindow&&) = delete;

    /// The X11 window id, for the editor to embed into.
    [[nodiscard]] ui::NativeWindow nativeWindow() const noexcept { return window_; }
    [[nodiscard]] int connectionFd() const noexcept;

    /// Handles the pending X events without blocking. True once the user
    /// closed the window (the window manager's close button).
    [[nodiscard]] bool closeRequested() noexcept;
    /// The window's new size once after each resize (read by closeRequested()).
    [[nodiscard]] std::optional<Size> takeResize() noexcept;

  private:
    AppWindow() = default;

    _XDisplay* display_ = nullptr;
    unsigned long window_ = 0;
    unsigned long deleteWindowAtom_ = 0;
    bool closeRequested_ = false;
    Size size_;
    bool resized_ = false;
};

}  // namespace vstkit::formats::standalone
