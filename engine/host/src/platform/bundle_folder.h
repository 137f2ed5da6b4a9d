#pragma once

#include <string>

namespace vstkit::host {

/// The folder in a VST3 bundle's Contents/ that holds this machine's binary:
/// "x86_64-linux" and friends on Linux (bundle_folder_linux.cpp).
[[nodiscard]] std::string bundleArchitectureFolder();

}  // namespace vstkit::host
