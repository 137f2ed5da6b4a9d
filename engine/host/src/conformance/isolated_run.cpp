#include "isolated_run.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "child_lines.h"

namespace vstkit::host::conformance {

namespace {

// The child's end of the pipe to the parent; -1 in the parent. Lines on it:
// "@step" for progress, then "=" + verdict letter + detail for the result.
int resultPipe = -1;

void writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = write(fd, text.data(), text.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

[[noreturn]] void runChild(int writeEnd, const std::function<CheckResult()>& check) {
    resultPipe = writeEnd;
    const CheckResult result = check();
    std::fflush(nullptr);
    writeAll(writeEnd, resultLine(result));
    // No destructors, no atexit handlers: the module and display belong to
    // the parent, which carries on with them.
    _exit(0);
}

}  // namespace

void reportStep(std::string_view step) {
    if (resultPipe >= 0) {
        writeAll(resultPipe, stepLine(step));
    }
}

CheckResult runIsolated(std::string_view /*checkName*/, const std::function<CheckResult()>& check,
                        std::chrono::seconds timeout) {
    int ends[2] = {-1, -1};
    if (pipe2(ends, O_CLOEXEC) != 0) {
        return CheckResult::fail(std::string{"vstkit-host could not make a pipe: "} +
                                 std::strerror(errno));
    }
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) {
        close(ends[0]);
        close(ends[1]);
        return CheckResult::fail(std::string{"vstkit-host could not fork: "} +
                                 std::strerror(errno));
    }
    if (child == 0) {
        close(ends[0]);
        runChild(ends[1], check);
    }
    close(ends[1]);

    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    ChildLines lines;
    bool timedOut = false;
    while (true) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd watched{ends[0], POLLIN, 0};
        if (poll(&watched, 1, static_cast<int>(left)) < 0 && errno != EINTR) {
            break;
        }
        char buffer[4096];
        const ssize_t count = read(ends[0], buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            break;  // The child closed its end: finished or died.
        }
        lines.take({buffer, static_cast<std::size_t>(count)});
    }
    close(ends[0]);
    if (timedOut) {
        kill(child, SIGKILL);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut) {
        return CheckResult::fail("hung: no result after " + std::to_string(timeout.count()) + " s" +
                                 lines.whileStep());
    }
    if (lines.result()) {
        return *lines.result();
    }
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        return CheckResult::fail(std::string{"crashed (SIG"} + sigabbrev_np(signal) + ", " +
                                 strsignal(signal) + ")" + lines.whileStep());
    }
    return CheckResult::fail("the check's process exited with code " +
                             std::to_string(WEXITSTATUS(status)) + " before giving a result" +
                             lines.whileStep());
}

}  // namespace vstkit::host::conformance
