// The module's one exported symbol, clap_entry, and its plugin factory. The
// factory offers one plugin: the one this module is built for, described from
// its identity. Hosts call these on their main thread.
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "clap_plugin.h"
#include "vstkit/core/export.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/formats/clap/abi/entry.h"
#include "vstkit/formats/clap/abi/host.h"

namespace vstkit::formats::clap {
namespace {

/// The descriptor's strings, NUL-terminated copies of the identity's, and its
/// feature list: made once, then fixed for the module's life.
class Description {
  public:
    Description() {
        const core::PluginDefinition& definition = core::pluginDefinition();
        const core::PluginIdentity& identity = definition.identity;
        id_ = identity.clapId;
        name_ = identity.name;
        vendor_ = identity.vendor;
        url_ = identity.url;
        version_ = identity.version;
        text_ = identity.description;
        features_.emplace_back("audio-effect");
        // clapFeatures: more of CLAP's feature words, separated by spaces.
        std::string_view more = identity.clapFeatures;
        while (!more.empty()) {
            const std::size_t end = std::min(more.find(' '), more.size());
            if (end > 0) {
                features_.emplace_back(more.substr(0, end));
            }
            more.remove_prefix(std::min(end + 1, more.size()));
        }
        features_.emplace_back(definition.audio.layouts.front().outputs == 1 ? "mono" : "stereo");
        for (const std::string& feature : features_) {
            featurePointers_.push_back(feature.c_str());
        }
        featurePointers_.push_back(nullptr);
        descriptor_ = {clap_abi::kVersion,
                       id_.c_str(),
                       name_.c_str(),
                       vendor_.c_str(),
                       url_.c_str(),
                       "",
                       "",
                       version_.c_str(),
                       text_.c_str(),
                       featurePointers_.data()};
    }

    [[nodiscard]] const clap_abi::PluginDescriptor& descriptor() const noexcept {
        return descriptor_;
    }

  private:
    std::string id_, name_, vendor_, url_, version_, text_;
    std::vector<std::string> features_;
    std::vector<const char*> featurePointers_;
    clap_abi::PluginDescriptor descriptor_{};
};

const Description& description() {
    static const Description kDescription;
    return kDescription;
}

const clap_abi::PluginFactory kFactory{
    [](const clap_abi::PluginFactory* /*factory*/) -> std::uint32_t { return 1; },
    [](const clap_abi::PluginFactory* /*factory*/,
       std::uint32_t index) -> const clap_abi::PluginDescriptor* {
        try {
            return index == 0 ? &description().descriptor() : nullptr;
        } catch (...) {
            return nullptr;
        }
    },
    [](const clap_abi::PluginFactory* /*factory*/, const clap_abi::Host* host,
       const char* pluginId) -> const clap_abi::Plugin* {
        try {
            const clap_abi::PluginDescriptor& descriptor = description().descriptor();
            if (host == nullptr || !clap_abi::isCompatible(host->clapVersion) ||
                pluginId == nullptr || std::strcmp(pluginId, descriptor.id) != 0) {
                return nullptr;
            }
            // Owned by the host from here; its destroy() deletes it.
            return (new ClapPlugin(*host, descriptor))->clapPlugin();
        } catch (...) {
            return nullptr;
        }
    },
};

}  // namespace
}  // namespace vstkit::formats::clap

extern "C" VSTKIT_EXPORT const vstkit::clap_abi::PluginEntry clap_entry{
    vstkit::clap_abi::kVersion,
    [](const char* /*pluginPath*/) { return true; },
    []() {},
    [](const char* factoryId) -> const void* {
        if (factoryId == nullptr ||
            std::strcmp(factoryId, vstkit::clap_abi::kPluginFactoryId) != 0) {
            return nullptr;
        }
        return &vstkit::formats::clap::kFactory;
    },
};
