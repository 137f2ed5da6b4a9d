#pragma once

struct _XDisplay;

namespace vstkit::ui {

/// Catches the X errors caused by requests on one connection while it lives.
/// Xlib's default handler would end the host's process on, say, a BadWindow
/// from a parent the host already destroyed. The handler is process-wide, so
/// a trap is short-lived and passes other connections' errors on to the
/// handler it replaced.
class XErrorTrap final {
  public:
    explicit XErrorTrap(_XDisplay* display) noexcept;
    /// Collects the answers to everything sent, then restores the previous handler.
    ~XErrorTrap();

    XErrorTrap(const XErrorTrap&) = delete;
    XErrorTrap& operator=(const XErrorTrap&) = delete;
    XErrorTrap(XErrorTrap&&) = delete;
    XErrorTrap& operator=(XErrorTrap&&) = delete;

    /// Waits for the server to process every request sent so far and says
    /// whether any of them failed since the trap was set.
    [[nodiscard]] bool failed() noexcept;

  private:
    friend struct XErrorTrapHandler;

    _XDisplay* display_;
    XErrorTrap* outer_;
    int firstErrorCode_ = 0;
};

}  // namespace vstkit::ui
