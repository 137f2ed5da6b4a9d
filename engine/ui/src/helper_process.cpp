#include "helper_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "helper_protocol.h"

extern char** environ;

namespace vstkit::ui {

namespace {

/// How long a closing editor waits for its helper to see the socket close
/// (a helper still starting up has no loop running yet), then for SIGTERM,
/// before SIGKILL. The UI thread waits: closing an editor is rare.
constexpr auto kQuitWait = std::chrono::milliseconds(300);
constexpr auto kTerminateWait = std::chrono::milliseconds(700);

/// Reaps `pid` within `wait`; true when it ended.
bool reapWithin(HelperProcess& helper, std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (helper.running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

/// Moves `fd` off the numbers the child's fds are placed at, so that
/// dup2 onto them never meets itself (which would keep close-on-exec).
int awayFromChildSlots(int fd) {
    if (fd != helper::kSocketFd && fd != helper::kArchiveFd) {
        return fd;
    }
    const int moved = fcntl(fd, F_DUPFD_CLOEXEC, helper::kArchiveFd + 1);
    close(fd);
    return moved;
}

}  // namespace

bool HelperProcess::start(const std::string& program, const std::vector<std::string>& arguments,
                          int archiveFd, std::string& error) {
    stop();
    endReason_.clear();
    exitCode_ = -1;
    int pair[2] = {-1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        error = std::string("cannot make the helper's socket: ") + std::strerror(errno);
        return false;
    }
    const int childEnd = awayFromChildSlots(pair[1]);
    archiveFd = awayFromChildSlots(archiveFd);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childEnd, helper::kSocketFd);
    posix_spawn_file_actions_adddup2(&actions, archiveFd, helper::kArchiveFd);
    // The host may block or ignore signals; the helper starts clean.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigfillset(&defaults);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int failed =
        posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(childEnd);
    if (failed != 0) {
        close(pair[0]);
        error = "cannot start " + program + ": " + std::strerror(failed);
        return false;
    }
    pid_ = pid;
    socket_ = pair[0];
    fcntl(socket_, F_SETFL, fcntl(socket_, F_GETFL) | O_NONBLOCK);
    return true;
}

void HelperProcess::noteEnd(int status) {
    if (WIFEXITED(status)) {
        exitCode_ = WEXITSTATUS(status);
        endReason_ = "exited with " + std::to_string(exitCode_);
    } else if (WIFSIGNALED(status)) {
        endReason_ = "killed by signal " + std::to_string(WTERMSIG(status));
    }
    pid_ = -1;
}

bool HelperProcess::running() noexcept {
    if (pid_ <= 0) {
        return false;
    }
    int status = 0;
    const pid_t reaped = waitpid(pid_, &status, WNOHANG);
    if (reaped == pid_) {
        noteEnd(status);
        return false;
    }
    return reaped == 0;
}

void HelperProcess::closeParkedPeer() noexcept {
    if (parkedPeer_ >= 0) {
        close(parkedPeer_);
        parkedPeer_ = -1;
    }
}

void HelperProcess::park() noexcept {
    const int number = socket_;
    socket_ = -1;
    int quiet[2] = {-1, -1};
    const bool parked = number >= 0 &&
                        socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, quiet) == 0 &&
                        dup3(quiet[0], number, O_CLOEXEC) == number;
    if (quiet[0] >= 0) {
        close(quiet[0]);
    }
    if (parked) {
        closeParkedPeer();
        parkedPeer_ = quiet[1];
    } else if (quiet[1] >= 0) {
        close(quiet[1]);
    }
    // With the socket gone from the helper's view, stop() ends and reaps it.
    stop();
    socket_ = parked ? number : -1;
}

void HelperProcess::stop() noexcept {
    if (socket_ >= 0) {
        close(socket_);  // The helper's cue to quit.
        socket_ = -1;
    }
    if (pid_ <= 0) {
        return;
    }
    if (reapWithin(*this, kQuitWait)) {
        return;
    }
    kill(pid_, SIGTERM);
    if (reapWithin(*this, kTerminateWait)) {
        return;
    }
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        noteEnd(status);
    }
}

}  // namespace vstkit::ui
