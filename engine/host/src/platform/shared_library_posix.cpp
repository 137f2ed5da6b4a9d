#include "shared_library.h"

#include <dlfcn.h>

#include <string>

#include "platform/utf8_path.h"
#include "vst3/host_error.h"

namespace vstkit::host {

SharedLibrary SharedLibrary::open(const std::filesystem::path& path) {
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* reason = dlerror();
        throw HostError("cannot load " + utf8Of(path) + ": " + (reason ? reason : "unknown error"));
    }
    return SharedLibrary{handle};
}

void* SharedLibrary::symbol(const char* name) const noexcept {
    return handle_ == nullptr ? nullptr : dlsym(handle_, name);
}

void SharedLibrary::close() noexcept {
    if (handle_ != nullptr) {
        dlclose(handle_);
        handle_ = nullptr;
    }
}

}  // namespace vstkit::host
