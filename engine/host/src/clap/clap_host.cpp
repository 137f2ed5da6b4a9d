#include "clap_host.h"

#include <cstring>

#include "vstkit/formats/clap/abi/audio_ports.h"
#include "vstkit/formats/clap/abi/gui.h"
#include "vstkit/formats/clap/abi/latency.h"
#include "vstkit/formats/clap/abi/params.h"
#include "vstkit/formats/clap/abi/run_loop.h"
#include "vstkit/formats/clap/abi/state.h"
#include "vstkit/formats/clap/abi/tail.h"
#include "vstkit/formats/clap/abi/thread_check.h"

namespace vstkit::host {

ClapHost::ClapHost()
    : host_{clap_abi::kVersion,
            this,
            "vstkit-host",
            "VstKit",
            "",
            "1.0",
            &getExtension,
            &requestRestart,
            &requestProcess,
            &requestCallback},
      mainThread_(std::this_thread::get_id()) {}

// Plain loads and release stores: a locked exchange per block cost about
// as much as a 64-frame gain. Only this thread changes the mark meanwhile.
ClapHost::AudioThreadScope::AudioThreadScope(ClapHost& host) noexcept
    : host_(host),
      self_(std::this_thread::get_id()),
      previous_(host.audioThread_.load(std::memory_order_relaxed)) {
    if (previous_ != self_) {
        host_.audioThread_.store(self_, std::memory_order_release);
    }
}

ClapHost::AudioThreadScope::~AudioThreadScope() {
    if (previous_ != self_) {
        host_.audioThread_.store(previous_, std::memory_order_release);
    }
}

bool ClapHost::isMainThread() const noexcept {
    return std::this_thread::get_id() == mainThread_;
}

bool ClapHost::isAudioThread() const noexcept {
    return std::this_thread::get_id() == audioThread_.load();
}

bool ClapHost::takeResizeRequest(std::uint32_t& width, std::uint32_t& height) noexcept {
    const std::uint64_t size = requestedSize_.exchange(0);
    if (size == 0) {
        return false;
    }
    width = static_cast<std::uint32_t>(size >> 32);
    height = static_cast<std::uint32_t>(size & 0xFFFFFFFFU);
    return true;
}

ClapHost& ClapHost::from(const clap_abi::Host* host) noexcept {
    return *static_cast<ClapHost*>(host->hostData);
}

bool ClapHost::onMainThread() noexcept {
    if (isMainThread()) {
        return true;
    }
    offThreadCalls_.fetch_add(1);
    return false;
}

void ClapHost::addMisuse(std::string text) {
    // A plugin that misbehaves in a loop would otherwise fill memory.
    constexpr std::size_t kMaxKept = 64;
    if (misuse_.size() < kMaxKept) {
        misuse_.push_back(std::move(text));
    }
}

const void* ClapHost::getExtension(const clap_abi::Host* host, const char* id) {
    static constexpr clap_abi::HostThreadCheck kThreadCheck{&isMainThreadCallback,
                                                            &isAudioThreadCallback};
    static constexpr clap_abi::HostParams kParams{&paramsRescan, &paramsClear, &paramsRequestFlush};
    static constexpr clap_abi::HostState kState{&stateMarkDirty};
    static constexpr clap_abi::HostGui kGui{&guiResizeHintsChanged, &guiRequestResize,
                                            &guiRequestShow, &guiRequestHide, &guiClosed};
    static constexpr clap_abi::HostPosixFdSupport kFds{&registerFd, &modifyFd, &unregisterFd};
    static constexpr clap_abi::HostTimerSupport kTimers{&registerTimer, &unregisterTimer};
    static constexpr clap_abi::HostLatency kLatency{&latencyChanged};
    static constexpr clap_abi::HostTail kTail{&tailChanged};
    static constexpr clap_abi::HostAudioPorts kAudioPorts{&audioPortsIsRescanFlagSupported,
                                                          &audioPortsRescan};
    if (host == nullptr || id == nullptr) {
        return nullptr;
    }
    const auto is = [id](const char* name) { return std::strcmp(id, name) == 0; };
    if (is(clap_abi::kExtThreadCheck)) {
        return &kThreadCheck;
    }
    if (is(clap_abi::kExtParams)) {
        return &kParams;
    }
    if (is(clap_abi::kExtState)) {
        return &kState;
    }
    if (is(clap_abi::kExtGui)) {
        return &kGui;
    }
    if (is(clap_abi::kExtPosixFdSupport)) {
        return &kFds;
    }
    if (is(clap_abi::kExtTimerSupport)) {
        return &kTimers;
    }
    if (is(clap_abi::kExtLatency)) {
        return &kLatency;
    }
    if (is(clap_abi::kExtTail)) {
        return &kTail;
    }
    if (is(clap_abi::kExtAudioPorts)) {
        return &kAudioPorts;
    }
    return nullptr;
}

void ClapHost::requestRestart(const clap_abi::Host* host) {
    from(host).counts_.restartRequests.fetch_add(1);
}

void ClapHost::requestProcess(const clap_abi::Host* host) {
    from(host).counts_.processRequests.fetch_add(1);
}

void ClapHost::requestCallback(const clap_abi::Host* host) {
    ClapHost& self = from(host);
    self.counts_.callbackRequests.fetch_add(1);
    self.callbackRequested_.store(true);
}

bool ClapHost::isMainThreadCallback(const clap_abi::Host* host) {
    return from(host).isMainThread();
}

bool ClapHost::isAudioThreadCallback(const clap_abi::Host* host) {
    return from(host).isAudioThread();
}

void ClapHost::paramsRescan(const clap_abi::Host* host, std::uint32_t /*flags*/) {
    ClapHost& self = from(host);
    if (self.onMainThread()) {
        self.counts_.paramsRescans.fetch_add(1);
    }
}

void ClapHost::paramsClear(const clap_abi::Host* host, clap_abi::Id /*id*/,
                           std::uint32_t /*flags*/) {
    ClapHost& self = from(host);
    if (self.onMainThread()) {
        self.counts_.paramsClears.fetch_add(1);
    }
}

void ClapHost::paramsRequestFlush(const clap_abi::Host* host) {
    ClapHost& self = from(host);
    // [thread-safe, !audio-thread]: from the audio thread the plugin should
    // push its events in process() instead.
    if (self.isAudioThread()) {
        self.offThreadCalls_.fetch_add(1);
    }
    self.counts_.flushRequests.fetch_add(1);
    self.flushRequested_.store(true);
}

void ClapHost::stateMarkDirty(const clap_abi::Host* host) {
    ClapHost& self = from(host);
    if (self.onMainThread()) {
        self.counts_.stateMarkedDirty.fetch_add(1);
    }
}

void ClapHost::guiResizeHintsChanged(const clap_abi::Host* host) {
    (void)from(host).onMainThread();
}

bool ClapHost::guiRequestResize(const clap_abi::Host* host, std::uint32_t width,
                                std::uint32_t height) {
    ClapHost& self = from(host);
    self.counts_.resizeRequests.fetch_add(1);
    self.requestedSize_.store((std::uint64_t{width} << 32) | height);
    return true;
}

bool ClapHost::guiRequestShow(const clap_abi::Host* /*host*/) {
    return true;
}

bool ClapHost::guiRequestHide(const clap_abi::Host* /*host*/) {
    return true;
}

void ClapHost::guiClosed(const clap_abi::Host* host, bool /*wasDestroyed*/) {
    ClapHost& self = from(host);
    if (self.onMainThread()) {
        self.counts_.guiClosed.fetch_add(1);
    }
}

bool ClapHost::registerFd(const clap_abi::Host* host, int fd, std::uint32_t flags) {
    ClapHost& self = from(host);
    if (!self.onMainThread()) {
        return false;
    }
    if (fd < 0 || self.fds_.contains(fd)) {
        self.addMisuse("register_fd(" + std::to_string(fd) + ") of " +
                       (fd < 0 ? "an invalid descriptor" : "a descriptor already registered"));
        return false;
    }
    self.fds_.emplace(fd, flags);
    return true;
}

bool ClapHost::modifyFd(const clap_abi::Host* host, int fd, std::uint32_t flags) {
    ClapHost& self = from(host);
    if (!self.onMainThread()) {
        return false;
    }
    const auto found = self.fds_.find(fd);
    if (found == self.fds_.end()) {
        self.addMisuse("modify_fd(" + std::to_string(fd) + ") of a descriptor never registered");
        return false;
    }
    found->second = flags;
    return true;
}

bool ClapHost::unregisterFd(const clap_abi::Host* host, int fd) {
    ClapHost& self = from(host);
    if (!self.onMainThread()) {
        return false;
    }
    if (self.fds_.erase(fd) == 0) {
        self.addMisuse("unregister_fd(" + std::to_string(fd) +
                       ") of a descriptor never registered");
        return false;
    }
    return true;
}

bool ClapHost::registerTimer(const clap_abi::Host* host, std::uint32_t periodMs,
                             clap_abi::Id* timerId) {
    ClapHost& self = from(host);
    if (!self.onMainThread() || timerId == nullptr) {
        return false;
    }
    // Hosts may round a period; 0 ms would spin the loop, so it runs at 1 ms.
    const std::uint32_t period = periodMs == 0 ? 1 : periodMs;
    const std::uint32_t id = self.nextTimerId_++;
    self.timers_.emplace(
        id, Timer{periodMs, std::chrono::steady_clock::now() + std::chrono::milliseconds{period}});
    *timerId = id;
    return true;
}

bool ClapHost::unregisterTimer(const clap_abi::Host* host, clap_abi::Id timerId) {
    ClapHost& self = from(host);
    if (!self.onMainThread()) {
        return false;
    }
    if (self.timers_.erase(timerId) == 0) {
        self.addMisuse("unregister_timer(" + std::to_string(timerId) +
                       ") of a timer never registered");
        return false;
    }
    return true;
}

void ClapHost::latencyChanged(const clap_abi::Host* host) {
    from(host).counts_.latencyChanges.fetch_add(1);
}

void ClapHost::tailChanged(const clap_abi::Host* host) {
    from(host).counts_.tailChanges.fetch_add(1);
}

bool ClapHost::audioPortsIsRescanFlagSupported(const clap_abi::Host* /*host*/,
                                               std::uint32_t /*flag*/) {
    return true;
}

void ClapHost::audioPortsRescan(const clap_abi::Host* host, std::uint32_t /*flags*/) {
    ClapHost& self = from(host);
    if (self.onMainThread()) {
        self.counts_.audioPortsRescans.fetch_add(1);
    }
}

}  // namespace vstkit::host
