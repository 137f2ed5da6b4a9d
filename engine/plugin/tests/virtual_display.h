#pragma once

#include <sys/types.h>

namespace vstkit::plugin::testing {

/// Gives the test process an X display: the one in $DISPLAY, or else a
/// private Xvfb server started for the lifetime of this object. Editors can
/// then be put on screen in CI exactly as on a desktop.
class VirtualDisplay final {
  public:
    VirtualDisplay();
    ~VirtualDisplay();

    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    VirtualDisplay(VirtualDisplay&&) = delete;
    VirtualDisplay& operator=(VirtualDisplay&&) = delete;

  private:
    pid_t server_ = -1;
    void* windowManagerAtoms_ = nullptr;  // Display*, kept open for the run.
};

}  // namespace vstkit::plugin::testing
