#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/core.h"

namespace vstkit::clap_abi {

struct Plugin;
struct Host;

/// CLAP_EXT_POSIX_FD_SUPPORT: the host's loop watches a descriptor.
inline constexpr const char* kExtPosixFdSupport = "clap.posix-fd-support";

/// clap_posix_fd_flags.
inline constexpr std::uint32_t kPosixFdRead = 1U << 0;
inline constexpr std::uint32_t kPosixFdWrite = 1U << 1;
inline constexpr std::uint32_t kPosixFdError = 1U << 2;

/// clap_plugin_posix_fd_support [main-thread].
struct PluginPosixFdSupport {
    void (*onFd)(const Plugin* plugin, int fd, std::uint32_t flags);
};

/// clap_host_posix_fd_support [main-thread].
struct HostPosixFdSupport {
    bool (*registerFd)(const Host* host, int fd, std::uint32_t flags);
    bool (*modifyFd)(const Host* host, int fd, std::uint32_t flags);
    bool (*unregisterFd)(const Host* host, int fd);
};

/// CLAP_EXT_TIMER_SUPPORT: the host's loop calls back on a period.
inline constexpr const char* kExtTimerSupport = "clap.timer-support";

/// clap_plugin_timer_support [main-thread].
struct PluginTimerSupport {
    void (*onTimer)(const Plugin* plugin, Id timerId);
};

/// clap_host_timer_support [main-thread].
struct HostTimerSupport {
    bool (*registerTimer)(const Host* host, std::uint32_t periodMs, Id* timerId);
    bool (*unregisterTimer)(const Host* host, Id timerId);
};

}  // namespace vstkit::clap_abi
