#pragma once

#include <X11/Xlib.h>

namespace vstkit::ui {

/// The embedder's side of XEmbed for one client window (the helper's
/// GtkPlug) inside `container`: maps it when it asks to be mapped, tells it
/// it is embedded and active, keeps it exactly the container's size (a
/// GtkPlug resizes itself to 200x200 once shown), and gives it the X input
/// focus when it asks, so that keys reach the page.
class XEmbedEmbedder final {
  public:
    XEmbedEmbedder(Display* display, Window container) noexcept;

    /// Feeds one event of the container or the client; true when it was one.
    bool handle(const XEvent& event) noexcept;
    /// The container's size changed: the client follows.
    void resize(int width, int height) noexcept;

    [[nodiscard]] Window client() const noexcept { return client_; }
    [[nodiscard]] bool clientMapped() const noexcept { return mapped_; }

  private:
    void adopt(Window client) noexcept;
    void updateMapping() noexcept;
    void send(long message, long detail, long data1) noexcept;

    Display* display_;
    Window container_;
    Window client_ = 0;
    bool mapped_ = false;
    int width_ = 0;
    int height_ = 0;
    Atom xembed_;
    Atom xembedInfo_;
};

}  // namespace vstkit::ui
