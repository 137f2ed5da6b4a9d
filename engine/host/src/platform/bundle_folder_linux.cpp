#include "bundle_folder.h"

#include <sys/utsname.h>

namespace vstkit::host {

std::string bundleArchitectureFolder() {
    utsname machine{};
    uname(&machine);
    return std::string{machine.machine} + "-linux";
}

std::string bundleBinaryName(const std::string& bundleStem) {
    return bundleStem + ".so";
}

}  // namespace vstkit::host
