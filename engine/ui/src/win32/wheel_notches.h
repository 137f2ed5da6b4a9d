#pragma once

#include <windows.h>

namespace vstkit::ui::win32 {

/// Whole wheel notches (WHEEL_DELTA each) from WM_MOUSEWHEEL deltas; a
/// fine-grained wheel sends less than a notch at a time, kept until it adds up.
class WheelNotches {
  public:
    /// The whole notches this delta completes, up positive.
    [[nodiscard]] int take(int delta) noexcept {
        remainder_ += delta;
        const int notches = remainder_ / WHEEL_DELTA;
        remainder_ -= notches * WHEEL_DELTA;
        return notches;
    }

  private:
    int remainder_ = 0;
};

}  // namespace vstkit::ui::win32
