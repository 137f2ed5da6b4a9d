#pragma once

#include <sys/types.h>

struct _XDisplay;

namespace vstkit::xdisplay {

/// Gives the process an X display: the one in $DISPLAY, or else a private
/// Xvfb server started for the lifetime of this object. Either way the
/// window-manager atoms plugins expect exist (see internWindowManagerAtoms),
/// so editors can be put on screen in CI exactly as on a desktop.
class VirtualDisplay final {
  public:
    /// startServer: start Xvfb when $DISPLAY is unset.
    explicit VirtualDisplay(bool startServer = true);
    ~VirtualDisplay();

    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    VirtualDisplay(VirtualDisplay&&) = delete;
    VirtualDisplay& operator=(VirtualDisplay&&) = delete;

    /// True when a display is reachable.
    [[nodiscard]] bool available() const noexcept { return windowManagerAtoms_ != nullptr; }

  private:
    pid_t server_ = -1;
    void* windowManagerAtoms_ = nullptr;  // Display*, kept open for the run.
};

/// Creates the atoms a window manager creates when it starts. Toolkits such
/// as JUCE look them up with only_if_exists and send the resulting None to the
/// server when no window manager ever ran, which fails with BadAtom. Keep the
/// connection open afterwards: an X server forgets atoms when it resets after
/// its last client leaves.
void internWindowManagerAtoms(_XDisplay* display);

}  // namespace vstkit::xdisplay
