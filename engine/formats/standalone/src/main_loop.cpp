#include "main_loop.h"

#include "xrun_reporter.h"

#include <poll.h>

#include <array>
#include <chrono>
#include <cstdint>

namespace vstkit::formats::standalone {
namespace {

using Clock = std::chrono::steady_clock;

/// About 30 frames a second: smooth enough for a slider, cheap for the machine.
constexpr auto kTimerInterval = std::chrono::milliseconds{33};

int millisecondsUntil(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

}  // namespace

StopReason runMainLoop(const MainLoopParts& parts) {
    XrunReporter xruns;
    Clock::time_point nextTick = Clock::now();
    for (;;) {
        std::array<pollfd, 4> watched{};
        nfds_t count = 0;
        // A negative fd (no signalfd) is skipped by poll().
        watched[count++] = {parts.signals.fd(), POLLIN, 0};
        if (parts.window != nullptr) {
            watched[count++] = {parts.window->connectionFd(), POLLIN, 0};
        }
        const pollfd* editorSlot = nullptr;
        if (parts.editor != nullptr && parts.editor->connectionFd() >= 0) {
            editorSlot = &watched[count];
            watched[count++] = {parts.editor->connectionFd(), POLLIN, 0};
        }
        // A web editor's page: its messages are answered as they arrive.
        const pollfd* pageSlot = nullptr;
        if (parts.editor != nullptr && parts.editor->bridgeFd() >= 0) {
            pageSlot = &watched[count];
            watched[count++] = {parts.editor->bridgeFd(), POLLIN, 0};
        }
        poll(watched.data(), count, millisecondsUntil(nextTick));

        if (parts.signals.received()) {
            return StopReason::Signal;
        }
        // Xlib may hold events already read: ask it every time, not only on POLLIN.
        if (parts.window != nullptr && parts.window->closeRequested()) {
            return StopReason::WindowClosed;
        }
        if (const auto size = parts.window != nullptr ? parts.window->takeResize() : std::nullopt;
            size && parts.editor != nullptr) {
            static_cast<void>(parts.editor->resize(size->width, size->height));
        }
        if ((editorSlot != nullptr && (editorSlot->revents & POLLIN) != 0) ||
            (pageSlot != nullptr && (pageSlot->revents & (POLLIN | POLLHUP)) != 0)) {
            parts.editor->idle();
        }
        if (Clock::now() < nextTick) {
            continue;
        }
        nextTick = Clock::now() + kTimerInterval;
        if (parts.stream.failure()) {
            return StopReason::AudioFailed;
        }
        xruns.report(parts.audio.xruns(), parts.console);
        parts.parameters.onTimer();
        if (parts.editor != nullptr) {
            parts.editor->idle();
        }
    }
}

}  // namespace vstkit::formats::standalone
