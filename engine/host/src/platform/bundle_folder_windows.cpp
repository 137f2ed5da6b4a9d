#include "bundle_folder.h"

namespace vstkit::host {

// The Windows host is built for 64-bit x86 only (see VstkitPlatform.cmake).
std::string bundleArchitectureFolder() {
    return "x86_64-win";
}

std::string bundleBinaryName(const std::string& bundleStem) {
    return bundleStem + ".vst3";
}

}  // namespace vstkit::host
