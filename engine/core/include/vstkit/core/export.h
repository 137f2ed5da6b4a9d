#pragma once

/// Marks a C entry point a plugin binary exports to its host (lv2_descriptor,
/// lv2ui_descriptor): visible past the GNU version script on Linux, exported
/// from the DLL on Windows. Use as `extern "C" VSTKIT_EXPORT <declaration>`.
#if defined(_WIN32)
#define VSTKIT_EXPORT __declspec(dllexport)
#else
#define VSTKIT_EXPORT __attribute__((visibility("default")))
#endif
