#pragma once

#include <memory>
#include <string>

struct _XDisplay;
struct __GLXcontextRec;

namespace vstkit::ui {

/// The editor's own X connection, a child window of the host's window and a
/// GLX context to draw into it. Callers trap X errors (XErrorTrap) around use.
class GlWindow final {
  public:
    /// Connects to $DISPLAY and creates a mapped child of `parent`. On failure
    /// returns nullptr, with a one-line reason in `error`, and leaves nothing open.
    [[nodiscard]] static std::unique_ptr<GlWindow> create(unsigned long parent, int width,
                                                          int height, std::string& error);
    /// Destroys the context and the window, then closes the connection.
    ~GlWindow();

    GlWindow(const GlWindow&) = delete;
    GlWindow& operator=(const GlWindow&) = delete;
    GlWindow(GlWindow&&) = delete;
    GlWindow& operator=(GlWindow&&) = delete;

    [[nodiscard]] _XDisplay* display() const noexcept { return display_; }
    [[nodiscard]] unsigned long window() const noexcept { return window_; }
    [[nodiscard]] int connectionFd() const noexcept;

    /// False once the server destroyed the window (with its parent): nothing
    /// may draw into it or destroy it again.
    [[nodiscard]] bool alive() const noexcept { return !destroyed_; }
    void markDestroyed() noexcept { destroyed_ = true; }

    void resize(int width, int height) noexcept;
    void swapBuffers() noexcept;

    /// Makes this window's context current while it lives, then restores
    /// whatever was current before: another editor's context or the host's own.
    /// Once the window is gone nothing is made current, so GL calls do nothing.
    class MakeCurrent final {
      public:
        explicit MakeCurrent(const GlWindow& window) noexcept;
        ~MakeCurrent();

        MakeCurrent(const MakeCurrent&) = delete;
        MakeCurrent& operator=(const MakeCurrent&) = delete;
        MakeCurrent(MakeCurrent&&) = delete;
        MakeCurrent& operator=(MakeCurrent&&) = delete;

        /// True when this window's context is current and may be drawn with.
        [[nodiscard]] bool succeeded() const noexcept { return succeeded_; }

      private:
        const GlWindow& window_;
        _XDisplay* previousDisplay_;
        unsigned long previousDraw_;
        unsigned long previousRead_;
        __GLXcontextRec* previousContext_;
        bool succeeded_ = false;
    };

  private:
    GlWindow() = default;
    /// Returns why it failed, or nothing.
    [[nodiscard]] std::string createWindow(unsigned long parent, int width, int height);
    void disableVsync() noexcept;

    _XDisplay* display_ = nullptr;
    unsigned long window_ = 0;
    unsigned long colormap_ = 0;
    __GLXcontextRec* context_ = nullptr;
    bool destroyed_ = false;
};

}  // namespace vstkit::ui
