#pragma once

struct _XDisplay;
union _XEvent;
struct _XIM;
struct _XIC;
struct ImGuiIO;

namespace vstkit::ui {

/// Dear ImGui ships no X11 backend; this is the small part the editor needs:
/// pointer, buttons, wheel, modifiers, and the keys and characters of text entry.

/// Maps the keys ImGui's text fields read onto io.KeysDown slots.
void configureKeyMap(ImGuiIO& io) noexcept;

/// A button or key going down or up. ImGui 1.86 samples input state once per
/// frame, so such an event must not share a frame with the one that undoes it:
/// a click arriving in one batch would otherwise vanish.
[[nodiscard]] bool changesButtonOrKey(const _XEvent& event) noexcept;

/// One editor window's input method, so typed text arrives as UTF-8 with dead
/// keys and Compose working: the desktop's (XMODIFIERS, e.g. IBus) or else
/// Xlib's own. It follows the host's locale and never sets one: setlocale is
/// the host's business. Without an input method (a locale Xlib does not
/// support), text is read as Latin-1, as XLookupString gives it.
class InputMethod final {
  public:
    /// Opens the method and an input context for `window` on `display`.
    /// Never fails; callers trap X errors (XErrorTrap) around it.
    InputMethod(_XDisplay* display, unsigned long window) noexcept;
    /// Destroys the context and closes the method; the display must still be open.
    ~InputMethod();

    InputMethod(const InputMethod&) = delete;
    InputMethod& operator=(const InputMethod&) = delete;
    InputMethod(InputMethod&&) = delete;
    InputMethod& operator=(InputMethod&&) = delete;

    /// Offers any event read from the display to the input method first, whatever
    /// its window (a method server talks through windows of its own). True when
    /// the method took it, such as a dead key or part of a Compose sequence:
    /// the caller then skips it.
    [[nodiscard]] bool filter(_XEvent& event) noexcept;

    /// The input context to read text through, or nullptr without one.
    [[nodiscard]] _XIC* context() const noexcept { return context_; }

  private:
    /// The method's server went away (the desktop's input method restarted):
    /// its context went with it, and text falls back to Latin-1.
    static void forget(_XIM* method, char* self, char* callData) noexcept;

    _XIM* method_ = nullptr;
    _XIC* context_ = nullptr;
    unsigned long window_ = 0;
    bool focused_ = false;
};

/// Feeds one event to ImGui; returns true when it was input (worth a redraw).
/// Typed text is read through `inputContext` when there is one (UTF-8), else
/// with XLookupString.
bool applyInput(const _XEvent& event, ImGuiIO& io, _XIC* inputContext = nullptr) noexcept;

}  // namespace vstkit::ui
