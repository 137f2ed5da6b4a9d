#pragma once

struct _XDisplay;

namespace vstkit::ui {

/// The X keyboard focus, borrowed while a value is typed. An embedded window
/// gets no key events while the host's window has the focus; once typing ends
/// the focus goes back where it was, so the host's shortcuts work again.
class KeyboardFocus final {
  public:
    /// Takes the focus for `window` if it is viewable, remembering the holder.
    void take(_XDisplay* display, unsigned long window) noexcept;
    /// Gives the focus back if this window still has it.
    void giveBack(_XDisplay* display, unsigned long window) noexcept;
    [[nodiscard]] bool held() const noexcept { return held_; }

  private:
    unsigned long previous_ = 0;
    int previousRevertTo_ = 0;
    bool held_ = false;
};

}  // namespace vstkit::ui
