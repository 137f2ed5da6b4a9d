#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// The generic plugin editor: a title and one row per parameter (a slider for
/// a continuous or stepped value, a switch for a toggle, a combo box for a
/// choice), drawn with Dear ImGui and OpenGL into an X11 child window of the
/// host's window.
///
/// Every call is on the host's UI thread. Each open editor owns its X
/// connection, GLX context and ImGui context, so several can be open at once;
/// none starts a thread of its own, and nothing talks to X before open().
class Editor final {
  public:
    Editor(std::span<const protocol::ParamSpec> parameters, ParameterAccess& access,
           std::string_view title);
    /// Closes the editor if it is open.
    ~Editor();

    Editor(const Editor&) = delete;
    Editor& operator=(const Editor&) = delete;
    Editor(Editor&&) = delete;
    Editor& operator=(Editor&&) = delete;

    /// Size in pixels at the current content scale (1.0 by default).
    [[nodiscard]] int width() const noexcept;
    [[nodiscard]] int height() const noexcept;

    /// Content scale from the host (IPlugViewContentScaleSupport); resizes fonts
    /// and layout. Callable before or after open().
    void setContentScale(float scale) noexcept;

    /// Opens the X connection, creates a child window of `parentWindow` (an X11
    /// Window id), a GLX context and this editor's own ImGui context. Returns
    /// false, with a one-line reason in error(), on failure and leaves nothing open.
    [[nodiscard]] bool open(unsigned long parentWindow);
    /// Ends any edit gesture in progress, then frees everything open() made.
    void close() noexcept;
    [[nodiscard]] bool isOpen() const noexcept;

    /// The editor's own X11 window (a child of the parent), for hosts that
    /// embed it by id (an LV2 UI's widget); 0 when closed.
    [[nodiscard]] unsigned long windowId() const noexcept;

    /// The X connection's file descriptor, for the host's run loop to watch; -1 when closed.
    [[nodiscard]] int connectionFd() const noexcept;

    /// Called by the host's run loop (fd readable, and a ~30 Hz timer): handles
    /// pending X events and redraws when needed. Never blocks.
    void idle() noexcept;

    /// The host resized the parent window: follow it.
    void resize(int width, int height) noexcept;

    /// Why the last open() failed, in one line; empty after a success.
    [[nodiscard]] const std::string& error() const noexcept;

  private:
    struct Session;  // Everything that exists only while open.

    std::span<const protocol::ParamSpec> parameters_;
    ParameterAccess& access_;
    std::string title_;
    float scale_ = 1.0F;
    std::string error_;
    std::unique_ptr<Session> session_;
};

}  // namespace vstkit::ui
