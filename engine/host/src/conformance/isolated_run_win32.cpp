// Isolated checks on Windows, which cannot fork: the child is this program
// started again (CreateProcess) on the same command line plus
// --isolated-check NAME. It loads the module itself, runs that one check and
// writes "@step" lines and one "=" line with the verdict to its standard
// output, which is a pipe to the parent.
#include <windows.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "child_lines.h"
#include "isolated_run.h"

namespace vstkit::host::conformance {

namespace {

bool isChild = false;

/// An exit code that is an NTSTATUS error is how Windows ends a crashed
/// process (once no debugger catches it: WINEDLLOVERRIDES=winedbg.exe=d).
std::string exitText(DWORD code) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(code));
    // Built by append: GCC 12 at -O3 warns falsely (-Wrestrict) about "literal" + string.
    const auto crashed = [&hex](const char* what) {
        std::string text{"crashed (exception "};
        text.append(hex);
        if (what != nullptr) {
            text.append(", ").append(what);
        }
        return text.append(")");
    };
    switch (code) {
        case 0xC0000005UL:
            return crashed("access violation");
        case 0xC00000FDUL:
            return crashed("stack overflow");
        case 0xC000001DUL:
            return crashed("illegal instruction");
        case 0xC0000409UL:
            return crashed("fast fail / buffer overrun");
        default:
            break;
    }
    if (code >= 0xC0000000UL) {
        return crashed(nullptr);
    }
    if (code == 3) {
        return "aborted (exit code 3, abort())";
    }
    std::string text{"the check's process exited with code "};
    return text.append(std::to_string(code)).append(" before giving a result");
}

std::wstring widen(std::string_view text) {
    std::wstring wide;
    for (const char c : text) {
        wide.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
    }
    return wide;
}

}  // namespace

void reportStep(std::string_view step) {
    if (isChild) {
        // A newline first: a plugin's own output may have left a line open.
        const std::string line = stepLine(step);
        std::fputs("\n", stdout);
        std::fputs(line.c_str(), stdout);
        std::fflush(stdout);
    }
}

int answerAsIsolatedChild(const std::function<CheckResult()>& check) {
    isChild = true;
    const std::string line = resultLine(check());
    std::fputs("\n", stdout);
    std::fputs(line.c_str(), stdout);
    std::fflush(stdout);
    return 0;
}

CheckResult runIsolated(std::string_view checkName, const std::function<CheckResult()>& /*check*/,
                        std::chrono::seconds timeout) {
    SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE readEnd = nullptr;
    HANDLE writeEnd = nullptr;
    if (CreatePipe(&readEnd, &writeEnd, &inheritable, 0) == FALSE) {
        return CheckResult::fail("vstkit-host could not make a pipe (error " +
                                 std::to_string(GetLastError()) + ")");
    }
    SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);

    std::wstring commandLine = GetCommandLineW();
    commandLine += L" --isolated-check ";
    commandLine += widen(checkName);
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = writeEnd;
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION child{};
    std::fflush(nullptr);
    // The child inherits this: a crash ends it with its exception code
    // instead of waiting on Windows' error report dialog.
    SetErrorMode(GetErrorMode() | SEM_NOGPFAULTERRORBOX | SEM_FAILCRITICALERRORS);
    const BOOL started = CreateProcessW(nullptr, commandLine.data(), nullptr, nullptr, TRUE, 0,
                                        nullptr, nullptr, &startup, &child);
    CloseHandle(writeEnd);
    if (started == FALSE) {
        CloseHandle(readEnd);
        return CheckResult::fail("vstkit-host could not start its child process (error " +
                                 std::to_string(GetLastError()) + ")");
    }
    CloseHandle(child.hThread);

    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    ChildLines lines;
    bool timedOut = false;
    while (true) {
        DWORD available = 0;
        if (PeekNamedPipe(readEnd, nullptr, 0, nullptr, &available, nullptr) == FALSE) {
            break;  // The child closed its end: finished or died.
        }
        if (available > 0) {
            char buffer[4096];
            DWORD count = 0;
            if (ReadFile(readEnd, buffer, sizeof buffer, &count, nullptr) == FALSE || count == 0) {
                break;
            }
            lines.take({buffer, count});
            continue;
        }
        if (Clock::now() >= deadline) {
            timedOut = true;
            break;
        }
        if (WaitForSingleObject(child.hProcess, 10) == WAIT_OBJECT_0) {
            // Exited: what it wrote last is still in the pipe.
            DWORD count = 0;
            char buffer[4096];
            while (PeekNamedPipe(readEnd, nullptr, 0, nullptr, &available, nullptr) != FALSE &&
                   available > 0 &&
                   ReadFile(readEnd, buffer, sizeof buffer, &count, nullptr) != FALSE &&
                   count > 0) {
                lines.take({buffer, count});
            }
            break;
        }
    }
    CloseHandle(readEnd);
    // A child that closed its output may still be running: it has until the deadline.
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (!timedOut && WaitForSingleObject(child.hProcess, static_cast<DWORD>(std::max<long long>(
                                                             left.count(), 0))) != WAIT_OBJECT_0) {
        timedOut = true;
    }
    if (timedOut) {
        TerminateProcess(child.hProcess, 1);
    }
    WaitForSingleObject(child.hProcess, INFINITE);
    DWORD exitCode = 0;
    GetExitCodeProcess(child.hProcess, &exitCode);
    CloseHandle(child.hProcess);
    if (timedOut) {
        return CheckResult::fail("hung: no result after " + std::to_string(timeout.count()) + " s" +
                                 lines.whileStep());
    }
    if (lines.result()) {
        return *lines.result();
    }
    return CheckResult::fail(exitText(exitCode) + lines.whileStep());
}

}  // namespace vstkit::host::conformance
