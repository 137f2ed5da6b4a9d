#pragma once

#include <string>

namespace vstkit::host {

/// The folder in a VST3 bundle's Contents/ that holds this machine's binary:
/// "x86_64-linux" and friends on Linux (bundle_folder_linux.cpp),
/// "x86_64-win" on Windows (bundle_folder_windows.cpp).
[[nodiscard]] std::string bundleArchitectureFolder();

/// The binary's file name in that folder: NAME.so on Linux, NAME.vst3 on Windows.
[[nodiscard]] std::string bundleBinaryName(const std::string& bundleStem);

}  // namespace vstkit::host
