#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/entry.h"
#include "vstkit/formats/clap/abi/process.h"

namespace vstkit::clap_abi {

/// clap_plugin: one plugin instance. Thread rules are the specification's:
/// init, destroy, activate, deactivate, get_extension and on_main_thread on
/// the main thread; start_processing, stop_processing, reset and process on
/// the audio thread, and only while active.
struct Plugin {
    const PluginDescriptor* desc;
    void* pluginData;
    bool (*init)(const Plugin* plugin);
    void (*destroy)(const Plugin* plugin);
    bool (*activate)(const Plugin* plugin, double sampleRate, std::uint32_t minFramesCount,
                     std::uint32_t maxFramesCount);
    void (*deactivate)(const Plugin* plugin);
    bool (*startProcessing)(const Plugin* plugin);
    void (*stopProcessing)(const Plugin* plugin);
    void (*reset)(const Plugin* plugin);
    ProcessStatus (*process)(const Plugin* plugin, const Process* process);
    const void* (*getExtension)(const Plugin* plugin, const char* id);
    void (*onMainThread)(const Plugin* plugin);
};

}  // namespace vstkit::clap_abi
