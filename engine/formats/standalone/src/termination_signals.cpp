#include "termination_signals.h"

#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace vstkit::formats::standalone {

TerminationSignals::TerminationSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    fd_ = signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
}

TerminationSignals::~TerminationSignals() {
    if (fd_ >= 0) {
        close(fd_);
    }
}

bool TerminationSignals::received() noexcept {
    if (fd_ < 0) {
        return false;
    }
    signalfd_siginfo info{};
    bool any = false;
    while (read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        any = true;
    }
    return any;
}

}  // namespace vstkit::formats::standalone
