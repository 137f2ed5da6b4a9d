#include "vstkit/xdisplay/virtual_display.h"

#include <X11/Xlib.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace vstkit::xdisplay {
namespace {

constexpr const char* kXvfb = "/usr/bin/Xvfb";
constexpr int kStartTimeoutMs = 10000;

}  // namespace

void internWindowManagerAtoms(Display* display) {
    for (const char* name :
         {"WM_PROTOCOLS", "WM_TAKE_FOCUS", "WM_DELETE_WINDOW", "WM_CHANGE_STATE", "WM_STATE",
          "_NET_WM_PING", "_NET_WM_STATE", "_NET_WM_STATE_HIDDEN", "_NET_WM_STATE_FULLSCREEN",
          "_NET_WM_WINDOW_TYPE", "_NET_WM_WINDOW_TYPE_NORMAL", "_NET_WM_WINDOW_TYPE_COMBO"}) {
        XInternAtom(display, name, False);
    }
    XSync(display, False);
}

VirtualDisplay::VirtualDisplay(bool startServer) {
    const char* existing = std::getenv("DISPLAY");
    if (startServer && (existing == nullptr || *existing == '\0') && access(kXvfb, X_OK) == 0) {
        int pipeFds[2];
        if (pipe(pipeFds) == 0) {
            server_ = fork();
            if (server_ == 0) {
                // Dies with the test process and keeps CTest's output pipe free.
                prctl(PR_SET_PDEATHSIG, SIGTERM);
                const int devNull = open("/dev/null", O_WRONLY);
                dup2(devNull, STDOUT_FILENO);
                dup2(devNull, STDERR_FILENO);
                close(pipeFds[0]);
                const std::string fd = std::to_string(pipeFds[1]);
                execl(kXvfb, "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24",
                      "-nolisten", "tcp", "-noreset", static_cast<char*>(nullptr));
                _exit(127);
            }
            close(pipeFds[1]);
            // Xvfb writes the number and the newline in separate writes, and
            // dies ("Cannot write display number") if the pipe closes between
            // them: read up to the newline before closing.
            std::string number;
            pollfd ready{pipeFds[0], POLLIN, 0};
            char byte = 0;
            while (server_ > 0 && number.size() < 16 && poll(&ready, 1, kStartTimeoutMs) == 1 &&
                   read(pipeFds[0], &byte, 1) == 1 && byte != '\n') {
                number.push_back(byte);
            }
            if (!number.empty() && byte == '\n') {
                std::string display{":"};
                display += std::to_string(std::atoi(number.c_str()));
                setenv("DISPLAY", display.c_str(), 1);
            } else {
                std::fprintf(stderr, "virtual display: Xvfb did not start\n");
            }
            close(pipeFds[0]);
        }
    }
    Display* display = XOpenDisplay(nullptr);
    if (display != nullptr) {
        internWindowManagerAtoms(display);
    }
    windowManagerAtoms_ = display;
}

VirtualDisplay::~VirtualDisplay() {
    if (windowManagerAtoms_ != nullptr) {
        XCloseDisplay(static_cast<Display*>(windowManagerAtoms_));
    }
    if (server_ > 0) {
        kill(server_, SIGTERM);
        waitpid(server_, nullptr, 0);
    }
}

}  // namespace vstkit::xdisplay
