#include "gl_driver_pin.h"

#include <dlfcn.h>
#include <link.h>

#include <cstring>

namespace vstkit::ui {
namespace {

constexpr const char* kDriverSuffix = "_dri.so";

bool pinned = false;  // UI thread only.

[[nodiscard]] bool isDriver(const char* path) noexcept {
    const std::size_t length = std::strlen(path);
    const std::size_t suffix = std::strlen(kDriverSuffix);
    return length > suffix && std::strcmp(path + length - suffix, kDriverSuffix) == 0;
}

int pinIfDriver(dl_phdr_info* info, std::size_t /*size*/, void* /*unused*/) {
    if (info->dlpi_name != nullptr && isDriver(info->dlpi_name)) {
        // RTLD_NOLOAD only promotes the loaded object to NODELETE; the handle's
        // reference can go straight away.
        if (void* handle = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE)) {
            dlclose(handle);
            pinned = true;
        }
    }
    return 0;
}

}  // namespace

void keepGlDriverLoaded() noexcept {
    if (!pinned) {
        dl_iterate_phdr(&pinIfDriver, nullptr);
    }
}

}  // namespace vstkit::ui
