#pragma once

#include "vstkit/formats/clap/abi/core.h"

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// clap_plugin_descriptor: who a plugin is. Every string is UTF-8 and
/// outlives the module's use; `features` ends with a null pointer.
struct PluginDescriptor {
    Version clapVersion;
    const char* id;
    const char* name;
    const char* vendor;
    const char* url;
    const char* manualUrl;
    const char* supportUrl;
    const char* version;
    const char* description;
    const char* const* features;
};

/// CLAP_PLUGIN_FACTORY_ID and clap_plugin_factory.
inline constexpr const char* kPluginFactoryId = "clap.plugin-factory";
struct PluginFactory {
    std::uint32_t (*getPluginCount)(const PluginFactory* factory);
    const PluginDescriptor* (*getPluginDescriptor)(const PluginFactory* factory,
                                                   std::uint32_t index);
    const Plugin* (*createPlugin)(const PluginFactory* factory, const Host* host,
                                  const char* pluginId);
};

/// clap_plugin_entry: the one symbol a .clap exports, named `clap_entry`.
struct PluginEntry {
    Version clapVersion;
    bool (*init)(const char* pluginPath);
    void (*deinit)();
    const void* (*getFactory)(const char* factoryId);
};

/// The name of the exported entry.
inline constexpr const char* kEntrySymbol = "clap_entry";

}  // namespace vstkit::clap_abi
