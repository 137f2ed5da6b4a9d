#pragma once

#include <filesystem>

namespace vstkit::host {

/// A loaded shared library (a plugin's binary), unloaded when this is
/// destroyed. The interface is the same on every platform; the loader behind
/// it is the platform's (shared_library_posix.cpp: dlopen).
class SharedLibrary final {
  public:
    /// Holds no library.
    SharedLibrary() noexcept = default;
    /// Loads `path` with every symbol resolved now and none shared with later
    /// loads. Throws HostError "cannot load <path>: <the loader's reason>".
    [[nodiscard]] static SharedLibrary open(const std::filesystem::path& path);
    /// Unloads the library, if this still holds it.
    ~SharedLibrary();

    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    SharedLibrary(SharedLibrary&& other) noexcept;
    SharedLibrary& operator=(SharedLibrary&& other) noexcept;

    /// The address of the exported symbol `name`, or nullptr when there is none.
    [[nodiscard]] void* symbol(const char* name) const noexcept;
    /// The platform's handle of the library (what dlopen returned), for the
    /// module entry points that take it; nullptr once moved from.
    [[nodiscard]] void* handle() const noexcept { return handle_; }

  private:
    explicit SharedLibrary(void* handle) noexcept : handle_(handle) {}
    void close() noexcept;

    void* handle_ = nullptr;
};

}  // namespace vstkit::host
