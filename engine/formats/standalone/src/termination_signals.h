#pragma once

#include <signal.h>

namespace vstkit::formats::standalone {

/// SIGINT, SIGTERM and SIGHUP as a file descriptor the main loop polls, so
/// quitting runs the same clean path as closing the window: stop the audio,
/// remember the values, print the summary. Create it before any thread starts
/// (RtAudio's, JACK's): the signals are blocked in this thread and every thread
/// started after, so only the descriptor ever receives them.
class TerminationSignals final {
  public:
    TerminationSignals();
    /// Closes the descriptor. The signals stay blocked: the app is about to
    /// exit, and one arriving now must not cut its clean exit short.
    ~TerminationSignals();

    TerminationSignals(const TerminationSignals&) = delete;
    TerminationSignals& operator=(const TerminationSignals&) = delete;
    TerminationSignals(TerminationSignals&&) = delete;
    TerminationSignals& operator=(TerminationSignals&&) = delete;

    /// Readable once a signal arrived; -1 if signalfd failed (then only the
    /// window can end the app).
    [[nodiscard]] int fd() const noexcept { return fd_; }
    /// True when a termination signal arrived since the last call. Never blocks.
    [[nodiscard]] bool received() noexcept;

  private:
    int fd_ = -1;
};

}  // namespace vstkit::formats::standalone
