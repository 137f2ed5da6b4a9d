#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "platform/shared_library.h"
#include "vstkit/formats/clap/abi/entry.h"

namespace vstkit::host {

/// A loaded .clap file, as a host loads one: the shared library, its
/// `clap_entry` initialized with the file's path, and its plugin factory.
/// The entry is deinitialized before the library is unloaded. Main thread.
class ClapModule final {
  public:
    /// Loads and initializes `path`. Throws HostError (one line) when the
    /// file does not load, exports no clap_entry, was written for an
    /// incompatible CLAP version, refuses init() or has no plugin factory.
    explicit ClapModule(const std::filesystem::path& path);
    ~ClapModule();
    ClapModule(const ClapModule&) = delete;
    ClapModule& operator=(const ClapModule&) = delete;
    ClapModule(ClapModule&&) = delete;
    ClapModule& operator=(ClapModule&&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] const clap_abi::PluginEntry& entry() const noexcept { return *entry_; }
    [[nodiscard]] const clap_abi::PluginFactory& factory() const noexcept { return *factory_; }

    /// Every descriptor the factory lists, in its order (null ones skipped).
    [[nodiscard]] std::vector<const clap_abi::PluginDescriptor*> descriptors() const;
    /// The descriptor with this id; the first one when `id` is empty.
    /// Throws HostError when there is none.
    [[nodiscard]] const clap_abi::PluginDescriptor& descriptor(std::string_view id = {}) const;

  private:
    std::filesystem::path path_;
    SharedLibrary library_;
    const clap_abi::PluginEntry* entry_ = nullptr;
    const clap_abi::PluginFactory* factory_ = nullptr;
};

/// "1.2.0".
[[nodiscard]] std::string versionText(const clap_abi::Version& version);

/// True for a path a CLAP host would load (it ends in ".clap").
[[nodiscard]] bool isClapPath(const std::filesystem::path& path);

}  // namespace vstkit::host
