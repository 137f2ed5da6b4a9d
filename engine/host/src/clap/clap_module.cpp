#include "clap_module.h"

#include <cstring>

#include "vst3/host_error.h"

namespace vstkit::host {

std::string versionText(const clap_abi::Version& version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor) + "." +
           std::to_string(version.revision);
}

bool isClapPath(const std::filesystem::path& path) {
    return path.extension() == ".clap";
}

ClapModule::ClapModule(const std::filesystem::path& path) : path_(std::filesystem::absolute(path)) {
    if (!std::filesystem::is_regular_file(path_)) {
        throw HostError("no CLAP plugin file at " + path_.string());
    }
    library_ = SharedLibrary::open(path_);
    entry_ = static_cast<const clap_abi::PluginEntry*>(library_.symbol(clap_abi::kEntrySymbol));
    if (entry_ == nullptr) {
        throw HostError(path_.string() + " exports no clap_entry: not a CLAP plugin");
    }
    if (!clap_abi::isCompatible(entry_->clapVersion)) {
        throw HostError(path_.string() + " was written for CLAP " +
                        versionText(entry_->clapVersion) + ", which this host (CLAP " +
                        versionText(clap_abi::kVersion) + ") cannot load");
    }
    if (entry_->init == nullptr || entry_->deinit == nullptr || entry_->getFactory == nullptr) {
        throw HostError(path_.string() + ": clap_entry lacks init, deinit or get_factory");
    }
    if (!entry_->init(path_.c_str())) {
        throw HostError(path_.string() + ": clap_entry.init() failed");
    }
    factory_ =
        static_cast<const clap_abi::PluginFactory*>(entry_->getFactory(clap_abi::kPluginFactoryId));
    if (factory_ == nullptr || factory_->getPluginCount == nullptr ||
        factory_->getPluginDescriptor == nullptr || factory_->createPlugin == nullptr) {
        entry_->deinit();
        throw HostError(path_.string() + " has no usable plugin factory (clap.plugin-factory)");
    }
}

ClapModule::~ClapModule() {
    // The entry is deinitialized while its code is still loaded; the library
    // unloads after, with library_.
    entry_->deinit();
}

std::vector<const clap_abi::PluginDescriptor*> ClapModule::descriptors() const {
    std::vector<const clap_abi::PluginDescriptor*> found;
    const std::uint32_t count = factory_->getPluginCount(factory_);
    for (std::uint32_t index = 0; index < count; ++index) {
        if (const auto* descriptor = factory_->getPluginDescriptor(factory_, index)) {
            found.push_back(descriptor);
        }
    }
    return found;
}

const clap_abi::PluginDescriptor& ClapModule::descriptor(std::string_view id) const {
    for (const auto* descriptor : descriptors()) {
        if (id.empty() || (descriptor->id != nullptr && id == descriptor->id)) {
            return *descriptor;
        }
    }
    throw HostError(id.empty()
                        ? path_.string() + " lists no plugin"
                        : path_.string() + " has no plugin with id '" + std::string{id} + "'");
}

}  // namespace vstkit::host
