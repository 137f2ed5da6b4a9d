#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "vstkit/formats/clap/abi/host.h"

namespace vstkit::host {

/// vstkit-host's clap_host for one plugin instance: the extensions a real
/// host offers, each recording what the plugin asked for so the checks can
/// judge it and the host loop (ClapInstance::pump) can drive it. The main
/// thread is the thread that made it; the audio thread is whichever thread
/// is inside an AudioThreadScope (process, start/stop, reset, active flush).
class ClapHost final {
  public:
    ClapHost();
    ClapHost(const ClapHost&) = delete;
    ClapHost& operator=(const ClapHost&) = delete;
    ClapHost(ClapHost&&) = delete;
    ClapHost& operator=(ClapHost&&) = delete;

    /// What the plugin is given. hostData points back to this object.
    [[nodiscard]] const clap_abi::Host* clapHost() const noexcept { return &host_; }

    /// Marks the calling thread as the audio thread while it lives.
    class AudioThreadScope final {
      public:
        explicit AudioThreadScope(ClapHost& host) noexcept;
        ~AudioThreadScope();
        AudioThreadScope(const AudioThreadScope&) = delete;
        AudioThreadScope& operator=(const AudioThreadScope&) = delete;
        AudioThreadScope(AudioThreadScope&&) = delete;
        AudioThreadScope& operator=(AudioThreadScope&&) = delete;

      private:
        ClapHost& host_;
        std::thread::id self_;
        std::thread::id previous_;
    };

    [[nodiscard]] bool isMainThread() const noexcept;
    [[nodiscard]] bool isAudioThread() const noexcept;

    struct Timer {
        std::uint32_t periodMs;
        std::chrono::steady_clock::time_point due;
    };
    /// Registered descriptors (fd -> clap_posix_fd_flags) and timers (id -> timer).
    [[nodiscard]] const std::map<int, std::uint32_t>& fds() const noexcept { return fds_; }
    [[nodiscard]] std::map<std::uint32_t, Timer>& timers() noexcept { return timers_; }
    [[nodiscard]] const std::map<std::uint32_t, Timer>& timers() const noexcept { return timers_; }

    /// One-shot requests: true once after the plugin asked, then cleared.
    [[nodiscard]] bool takeCallbackRequest() noexcept { return callbackRequested_.exchange(false); }
    [[nodiscard]] bool takeFlushRequest() noexcept { return flushRequested_.exchange(false); }
    [[nodiscard]] bool takeResizeRequest(std::uint32_t& width, std::uint32_t& height) noexcept;

    /// How often the plugin asked for each thing, since it was made.
    struct Counts {
        std::atomic<int> restartRequests{0};
        std::atomic<int> processRequests{0};
        std::atomic<int> callbackRequests{0};
        std::atomic<int> flushRequests{0};
        std::atomic<int> paramsRescans{0};
        std::atomic<int> paramsClears{0};
        std::atomic<int> stateMarkedDirty{0};
        std::atomic<int> latencyChanges{0};
        std::atomic<int> tailChanges{0};
        std::atomic<int> audioPortsRescans{0};
        std::atomic<int> resizeRequests{0};
        std::atomic<int> guiClosed{0};
    };
    [[nodiscard]] const Counts& counts() const noexcept { return counts_; }

    /// Calls the plugin made against the extensions' rules (a main-thread
    /// call from another thread, an fd registered twice, an unknown timer),
    /// each one sentence. Only main-thread calls are described; calls from
    /// other threads are counted.
    [[nodiscard]] const std::vector<std::string>& misuse() const noexcept { return misuse_; }
    [[nodiscard]] int offThreadCalls() const noexcept { return offThreadCalls_.load(); }

  private:
    static ClapHost& from(const clap_abi::Host* host) noexcept;
    static const void* getExtension(const clap_abi::Host* host, const char* id);
    /// True on the main thread; otherwise counts an off-thread call.
    bool onMainThread() noexcept;
    void addMisuse(std::string text);

    // Each callback the extension tables point at; they forward to the members.
    static void requestRestart(const clap_abi::Host* host);
    static void requestProcess(const clap_abi::Host* host);
    static void requestCallback(const clap_abi::Host* host);
    static bool isMainThreadCallback(const clap_abi::Host* host);
    static bool isAudioThreadCallback(const clap_abi::Host* host);
    static void paramsRescan(const clap_abi::Host* host, std::uint32_t flags);
    static void paramsClear(const clap_abi::Host* host, clap_abi::Id id, std::uint32_t flags);
    static void paramsRequestFlush(const clap_abi::Host* host);
    static void stateMarkDirty(const clap_abi::Host* host);
    static void guiResizeHintsChanged(const clap_abi::Host* host);
    static bool guiRequestResize(const clap_abi::Host* host, std::uint32_t width,
                                 std::uint32_t height);
    static bool guiRequestShow(const clap_abi::Host* host);
    static bool guiRequestHide(const clap_abi::Host* host);
    static void guiClosed(const clap_abi::Host* host, bool wasDestroyed);
    static bool registerFd(const clap_abi::Host* host, int fd, std::uint32_t flags);
    static bool modifyFd(const clap_abi::Host* host, int fd, std::uint32_t flags);
    static bool unregisterFd(const clap_abi::Host* host, int fd);
    static bool registerTimer(const clap_abi::Host* host, std::uint32_t periodMs,
                              clap_abi::Id* timerId);
    static bool unregisterTimer(const clap_abi::Host* host, clap_abi::Id timerId);
    static void latencyChanged(const clap_abi::Host* host);
    static void tailChanged(const clap_abi::Host* host);
    static bool audioPortsIsRescanFlagSupported(const clap_abi::Host* host, std::uint32_t flag);
    static void audioPortsRescan(const clap_abi::Host* host, std::uint32_t flags);

    clap_abi::Host host_;
    std::thread::id mainThread_;
    std::atomic<std::thread::id> audioThread_{};
    std::atomic<bool> callbackRequested_{false};
    std::atomic<bool> flushRequested_{false};
    std::atomic<std::uint64_t> requestedSize_{0};  // width << 32 | height; 0: none.
    Counts counts_;
    std::map<int, std::uint32_t> fds_;
    std::map<std::uint32_t, Timer> timers_;
    std::uint32_t nextTimerId_ = 1;
    std::vector<std::string> misuse_;
    std::atomic<int> offThreadCalls_{0};
};

}  // namespace vstkit::host
