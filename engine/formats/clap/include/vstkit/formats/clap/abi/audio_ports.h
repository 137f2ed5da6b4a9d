#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/core.h"

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_AUDIO_PORTS: the plugin's audio ports as they are now.
inline constexpr const char* kExtAudioPorts = "clap.audio-ports";

/// CLAP_PORT_MONO and CLAP_PORT_STEREO.
inline constexpr const char* kPortMono = "mono";
inline constexpr const char* kPortStereo = "stereo";

/// clap_audio_port_info flags (CLAP_AUDIO_PORT_*).
inline constexpr std::uint32_t kAudioPortIsMain = 1U << 0;
inline constexpr std::uint32_t kAudioPortSupports64Bits = 1U << 1;
inline constexpr std::uint32_t kAudioPortPrefers64Bits = 1U << 2;
inline constexpr std::uint32_t kAudioPortRequiresCommonSampleSize = 1U << 3;

/// clap_audio_port_info.
struct AudioPortInfo {
    Id id;
    char name[kNameSize];
    std::uint32_t flags;
    std::uint32_t channelCount;
    const char* portType;
    Id inPlacePair;
};

/// clap_plugin_audio_ports [main-thread].
struct PluginAudioPorts {
    std::uint32_t (*count)(const Plugin* plugin, bool isInput);
    bool (*get)(const Plugin* plugin, std::uint32_t index, bool isInput, AudioPortInfo* info);
};

/// clap_host_audio_ports [main-thread].
struct HostAudioPorts {
    bool (*isRescanFlagSupported)(const Host* host, std::uint32_t flag);
    void (*rescan)(const Host* host, std::uint32_t flags);
};

/// CLAP_EXT_AUDIO_PORTS_CONFIG: the layouts a plugin offers, one chosen by
/// the host while the plugin is deactivated.
inline constexpr const char* kExtAudioPortsConfig = "clap.audio-ports-config";

/// clap_audio_ports_config.
struct AudioPortsConfig {
    Id id;
    char name[kNameSize];
    std::uint32_t inputPortCount;
    std::uint32_t outputPortCount;
    bool hasMainInput;
    std::uint32_t mainInputChannelCount;
    const char* mainInputPortType;
    bool hasMainOutput;
    std::uint32_t mainOutputChannelCount;
    const char* mainOutputPortType;
};

/// clap_plugin_audio_ports_config [main-thread].
struct PluginAudioPortsConfig {
    std::uint32_t (*count)(const Plugin* plugin);
    bool (*get)(const Plugin* plugin, std::uint32_t index, AudioPortsConfig* config);
    bool (*select)(const Plugin* plugin, Id configId);
};

}  // namespace vstkit::clap_abi
