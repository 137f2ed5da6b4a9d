#pragma once

#include "vstkit/formats/clap/abi/core.h"

namespace vstkit::clap_abi {

/// clap_host: what the host gives each plugin instance. The request
/// functions are thread-safe.
struct Host {
    Version clapVersion;
    void* hostData;
    const char* name;
    const char* vendor;
    const char* url;
    const char* version;
    const void* (*getExtension)(const Host* host, const char* extensionId);
    void (*requestRestart)(const Host* host);
    void (*requestProcess)(const Host* host);
    void (*requestCallback)(const Host* host);
};

}  // namespace vstkit::clap_abi
