#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vstkit/core/web_ui.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/native_window.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// A plugin's editor, of one of two kinds:
/// - generic (the default): a title and one row per parameter (a slider for
///   a continuous or stepped value, a switch for a toggle, a combo box for a
///   choice), drawn with Dear ImGui and OpenGL into a child window of the
///   host's window; on Linux an X11 one drawn with GLX (editor_x11.cpp);
/// - web, for a plugin that carries its own page (core::WebUi): the page runs
///   in a helper process (vstkit-webview, WebKitGTK) embedded in the host's
///   window, and talks to the plugin over the bridge (engine/bridge). The
///   host's process never loads GTK or WebKit (web_editor_x11.cpp).
///
/// Every call is on the host's UI thread. Each open editor owns its window
/// system connection, GL context and ImGui context, so several can be open at
/// once; none starts a thread of its own, and nothing talks to the window
/// system before open().
///
/// Driving it: call idle() from a timer at about 30 Hz while it is open. That
/// is all an editor needs on every platform. connectionFd() is an optional
/// extra where the platform has a descriptor (X11): a host loop may also call
/// idle() when it is readable, for a quicker response to input.
class Editor final {
  public:
    /// A web editor when `webUi` has files, else the generic one.
    Editor(std::span<const protocol::ParamSpec> parameters, ParameterAccess& access,
           std::string_view title, const core::WebUi* webUi = nullptr);
    /// Closes the editor if it is open.
    ~Editor();

    Editor(const Editor&) = delete;
    Editor& operator=(const Editor&) = delete;
    Editor(Editor&&) = delete;
    Editor& operator=(Editor&&) = delete;

    /// The natural size in pixels at the current content scale (1.0 by
    /// default): one column, nothing to scroll.
    [[nodiscard]] int width() const noexcept;
    [[nodiscard]] int height() const noexcept;

    /// The size the editor has now: the last accepted resize(), or the
    /// natural size. Hosts ask for it (VST3 getSize).
    [[nodiscard]] int currentWidth() const noexcept;
    [[nodiscard]] int currentHeight() const noexcept;

    /// The smallest size the editor takes at the current content scale: the
    /// header and the tallest row; more rows scroll, or reflow into columns
    /// when the window is wide.
    [[nodiscard]] int minimumWidth() const noexcept;
    [[nodiscard]] int minimumHeight() const noexcept;
    /// Makes a size the host proposes acceptable: at least the minimum.
    void constrain(int& width, int& height) const noexcept;

    /// Content scale from the host (IPlugViewContentScaleSupport); resizes fonts
    /// and layout, and returns to the natural size at the new scale. Callable
    /// before or after open().
    void setContentScale(float scale) noexcept;

    /// Opens the window system connection, creates a child window of `parent`
    /// (an X11 Window id on Linux), a GL context and this editor's own ImGui
    /// context. Returns false, with a one-line reason in error(), on failure
    /// and leaves nothing open.
    [[nodiscard]] bool open(NativeWindow parent);
    /// Ends any edit gesture in progress, then frees everything open() made.
    void close() noexcept;
    [[nodiscard]] bool isOpen() const noexcept;

    /// The editor's own window (a child of the parent), for hosts that embed
    /// it by handle (an LV2 UI's widget); 0 when closed.
    [[nodiscard]] NativeWindow nativeWindow() const noexcept;

    /// Optional: the X connection's file descriptor, for a host loop that may
    /// watch it and call idle() when it is readable. -1 when closed, and
    /// always -1 where the platform has no such descriptor; the ~30 Hz idle()
    /// timer is enough without it.
    [[nodiscard]] int connectionFd() const noexcept;
    /// Optional too, for a web editor: the helper's socket, readable when the
    /// page sent a message. Watching it answers the page without waiting for
    /// the next idle(). -1 for the generic editor or when closed.
    [[nodiscard]] int bridgeFd() const noexcept;

    /// Whether this is a web editor (the plugin carries a page).
    [[nodiscard]] bool isWeb() const noexcept;
    /// A web editor that cannot show its page says why (also in its window);
    /// empty otherwise.
    [[nodiscard]] std::string pageFailure() const;
    /// A web editor's page has loaded.
    [[nodiscard]] bool pageLoaded() const noexcept;
    /// The web editor's helper process, or -1.
    [[nodiscard]] long pageHelperPid() const noexcept;
    /// For tests and tools: has the page evaluate a JavaScript expression.
    /// The answer, the value as JSON (or "!" and the error), arrives at a
    /// later idle() and is taken with takePageAnswer(). False for the
    /// generic editor or a closed one.
    bool askPage(const std::string& expression);
    [[nodiscard]] std::optional<std::string> takePageAnswer();

    /// Called by the host at about 30 Hz (and, optionally, when connectionFd()
    /// is readable): handles pending window events and redraws when needed.
    /// Never blocks.
    void idle() noexcept;

    /// The host resized the parent window (or will open it at this size):
    /// follow it. A size below the minimum is refused (false) and changes
    /// nothing. Rows stretch, reflow into columns or scroll to fit.
    bool resize(int width, int height) noexcept;

    /// The fonts the open editor draws with, in one line (a TrueType face
    /// found through fontconfig, or the built-in fallback); empty when closed.
    [[nodiscard]] std::string fontDescription() const;

    /// Why the last open() failed, in one line; empty after a success.
    [[nodiscard]] const std::string& error() const noexcept;

  private:
    struct Session;  // Everything that exists only while open.

    std::span<const protocol::ParamSpec> parameters_;
    ParameterAccess& access_;
    std::string title_;
    float scale_ = 1.0F;
    /// The host's size; 0 until it sets one (then the natural size is used).
    int width_ = 0;
    int height_ = 0;
    std::string error_;
    std::unique_ptr<Session> session_;
    const core::WebUi* webUi_;
    std::unique_ptr<class WebEditorSession> web_;
};

}  // namespace vstkit::ui
