#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/core.h"
#include "vstkit/formats/clap/abi/events.h"

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_PARAMS.
inline constexpr const char* kExtParams = "clap.params";

/// clap_param_info_flags (CLAP_PARAM_*): the ones VstKit sets or checks.
inline constexpr std::uint32_t kParamIsStepped = 1U << 0;
inline constexpr std::uint32_t kParamIsPeriodic = 1U << 1;
inline constexpr std::uint32_t kParamIsHidden = 1U << 2;
inline constexpr std::uint32_t kParamIsReadonly = 1U << 3;
inline constexpr std::uint32_t kParamIsBypass = 1U << 4;
inline constexpr std::uint32_t kParamIsAutomatable = 1U << 5;
inline constexpr std::uint32_t kParamIsModulatable = 1U << 10;
inline constexpr std::uint32_t kParamRequiresProcess = 1U << 15;
inline constexpr std::uint32_t kParamIsEnum = 1U << 16;

/// clap_param_info: values are plain, in the parameter's own units.
struct ParamInfo {
    Id id;
    std::uint32_t flags;
    void* cookie;
    char name[kNameSize];
    char module[kPathSize];
    double minValue;
    double maxValue;
    double defaultValue;
};

/// clap_plugin_params. flush() is [active ? audio-thread : main-thread];
/// the rest [main-thread].
struct PluginParams {
    std::uint32_t (*count)(const Plugin* plugin);
    bool (*getInfo)(const Plugin* plugin, std::uint32_t paramIndex, ParamInfo* paramInfo);
    bool (*getValue)(const Plugin* plugin, Id paramId, double* outValue);
    bool (*valueToText)(const Plugin* plugin, Id paramId, double value, char* outBuffer,
                        std::uint32_t outBufferCapacity);
    bool (*textToValue)(const Plugin* plugin, Id paramId, const char* paramValueText,
                        double* outValue);
    void (*flush)(const Plugin* plugin, const InputEvents* in, const OutputEvents* out);
};

/// clap_param_rescan_flags and clap_param_clear_flags.
inline constexpr std::uint32_t kParamRescanValues = 1U << 0;
inline constexpr std::uint32_t kParamRescanText = 1U << 1;
inline constexpr std::uint32_t kParamRescanInfo = 1U << 2;
inline constexpr std::uint32_t kParamRescanAll = 1U << 3;

/// clap_host_params. request_flush is [thread-safe, !audio-thread].
struct HostParams {
    void (*rescan)(const Host* host, std::uint32_t flags);
    void (*clear)(const Host* host, Id paramId, std::uint32_t flags);
    void (*requestFlush)(const Host* host);
};

}  // namespace vstkit::clap_abi
