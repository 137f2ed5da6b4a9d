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

std::string oneLine(std::string_view text) {
    std::string line{text};
    for (char& c : line) {
        c = (c == '\n' || c == '\r') ? ' ' : c;
    }
    return line;
}

char letterOf(CheckResult::Verdict verdict) {
    switch (verdict) {
        case CheckResult::Verdict::Pass:
            return 'P';
        case CheckResult::Verdict::Skip:
            return 'S';
        case CheckResult::Verdict::Fail:
            break;
    }
    return 'F';
}

CheckResult fromLetter(char letter, std::string detail) {
    switch (letter) {
        case 'P':
            return CheckResult::pass(std::move(detail));
        case 'S':
            return CheckResult::skip(std::move(detail));
        default:
            return CheckResult::fail(std::move(detail));
    }
}

[[noreturn]] void runChild(int writeEnd, const std::function<CheckResult()>& check) {
    resultPipe = writeEnd;
    const CheckResult result = check();
    std::fflush(nullptr);
    writeAll(writeEnd,
             "=" + std::string(1, letterOf(result.verdict)) + oneLine(result.detail) + "\n");
    // No destructors, no atexit handlers: the module and display belong to
    // the parent, which carries on with them.
    _exit(0);
}

std::string whileStep(const std::string& step) {
    // Appended rather than "literal" + string: GCC 12 at -O3 warns falsely
    // (-Wrestrict) about the temporary the operator makes.
    std::string text;
    if (!step.empty()) {
        text.append(" while ").append(step);
    }
    return text;
}

}  // namespace

void reportStep(std::string_view step) {
    if (resultPipe >= 0) {
        std::string line{"@"};
        line.append(oneLine(step)).push_back('\n');
        writeAll(resultPipe, line);
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
    std::string received;
    std::string step;
    std::optional<CheckResult> result;
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
        received.append(buffer, static_cast<std::size_t>(count));
        for (auto newline = received.find('\n'); newline != std::string::npos;
             newline = received.find('\n')) {
            const std::string line = received.substr(0, newline);
            received.erase(0, newline + 1);
            if (line.starts_with('@')) {
                step = line.substr(1);
            } else if (line.size() >= 2 && line.front() == '=') {
                result = fromLetter(line[1], line.substr(2));
            }
        }
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
                                 whileStep(step));
    }
    if (result) {
        return *result;
    }
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        return CheckResult::fail(std::string{"crashed (SIG"} + sigabbrev_np(signal) + ", " +
                                 strsignal(signal) + ")" + whileStep(step));
    }
    return CheckResult::fail("the check's process exited with code " +
                             std::to_string(WEXITSTATUS(status)) + " before giving a result" +
                             whileStep(step));
}

}  // namespace vstkit::host::conformance
