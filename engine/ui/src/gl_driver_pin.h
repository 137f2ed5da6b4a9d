#pragma once

namespace vstkit::ui {

/// Keeps the OpenGL driver library (Mesa's *_dri.so) loaded for the rest of
/// the process once it is in. Mesa unloads it when an editor closes its X
/// connection and loads it again at the next open: slow, and every load of
/// its C++ statics leaves another block of glibc exit handlers behind, so
/// memory would grow with each open/close cycle. Call with a GL context current.
void keepGlDriverLoaded() noexcept;

}  // namespace vstkit::ui
