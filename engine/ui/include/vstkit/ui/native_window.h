#pragma once

#include <cstdint>

namespace vstkit::ui {

/// The platform's handle of a window, wide enough for any of them: an X11
/// Window id on Linux, an HWND on Windows. A host's parent window reaches the
/// editor as one (a VST3 host's void* parent is cast to it) and the editor's
/// own window is reported as one. 0 is no window.
using NativeWindow = std::uintptr_t;

}  // namespace vstkit::ui
