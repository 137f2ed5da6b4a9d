#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace vstkit::ui {

/// The web editor's helper process: started with posix_spawn (cheap in a
/// large host process, unlike fork), given a socket as fd 3 and the page's
/// archive as fd 4, and always reaped: stop() closes the socket, which ends
/// the helper, waits briefly, then kills it. No zombie is left.
class HelperProcess final {
  public:
    HelperProcess() = default;
    ~HelperProcess() {
        stop();
        closeParkedPeer();
    }
    HelperProcess(const HelperProcess&) = delete;
    HelperProcess& operator=(const HelperProcess&) = delete;
    HelperProcess(HelperProcess&&) = delete;
    HelperProcess& operator=(HelperProcess&&) = delete;

    /// Starts `program` with `arguments`. False, with a one-line reason in
    /// `error`, when it cannot.
    [[nodiscard]] bool start(const std::string& program, const std::vector<std::string>& arguments,
                             int archiveFd, std::string& error);
    void stop() noexcept;
    /// The helper failed: ends and reaps it, but keeps socketFd()'s number
    /// open on a socket that never becomes readable, so a host loop still
    /// watching that number neither spins on a hang-up nor meets a reused fd.
    void park() noexcept;

    /// The editor's end of the socket (non-blocking), -1 when stopped.
    [[nodiscard]] int socketFd() const noexcept { return socket_; }
    [[nodiscard]] pid_t pid() const noexcept { return pid_; }

    /// Whether the helper still runs; reaps it when it has ended.
    [[nodiscard]] bool running() noexcept;
    /// How it ended, in words ("exited with 127", "killed by signal 9").
    [[nodiscard]] const std::string& endReason() const noexcept { return endReason_; }
    [[nodiscard]] int exitCode() const noexcept { return exitCode_; }

  private:
    void noteEnd(int status);
    void closeParkedPeer() noexcept;

    pid_t pid_ = -1;
    int socket_ = -1;
    /// The other end of the parked socket, held so it never hangs up.
    int parkedPeer_ = -1;
    int exitCode_ = -1;
    std::string endReason_;
};

}  // namespace vstkit::ui
