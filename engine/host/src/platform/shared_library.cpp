// SharedLibrary's platform-free half: ownership. Loading, symbols and
// unloading are the platform's (shared_library_posix.cpp, _win32.cpp).
#include <utility>

#include "shared_library.h"

namespace vstkit::host {

SharedLibrary::~SharedLibrary() {
    close();
}

SharedLibrary::SharedLibrary(SharedLibrary&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)) {}

SharedLibrary& SharedLibrary::operator=(SharedLibrary&& other) noexcept {
    if (this != &other) {
        close();
        handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
}

}  // namespace vstkit::host
