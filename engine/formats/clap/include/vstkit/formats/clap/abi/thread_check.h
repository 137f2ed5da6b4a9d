#pragma once

namespace vstkit::clap_abi {

struct Host;

/// CLAP_EXT_THREAD_CHECK: the host says which thread a call is on.
inline constexpr const char* kExtThreadCheck = "clap.thread-check";

/// clap_host_thread_check [thread-safe].
struct HostThreadCheck {
    bool (*isMainThread)(const Host* host);
    bool (*isAudioThread)(const Host* host);
};

}  // namespace vstkit::clap_abi
