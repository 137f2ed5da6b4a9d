#include "web_editor_x11.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <vector>

#include "helper_protocol.h"
#include "page_archive.h"
#include "x11_error_trap.h"

namespace vstkit::ui {

namespace {

/// The container's colour until the page paints: the page's own background.
constexpr const char* kBackground = "#17191c";
constexpr const char* kMessageColour = "#c9ced4";
/// A message line is read at most this long before it is refused.
constexpr std::size_t kMaxLine = bridge::BridgeSession::kMaxMessageBytes + 2;

/// vstkit-webview, beside the binary this code is in: the plugin module in
/// its bundle, or the standalone app.
std::string helperPath() {
    Dl_info info{};
    static const int kAnchor = 0;
    std::string binary;
    if (dladdr(&kAnchor, &info) != 0 && info.dli_fname != nullptr &&
        std::string_view(info.dli_fname).find('/') != std::string_view::npos) {
        binary = info.dli_fname;
    } else {
        std::vector<char> buffer(4096);
        const ssize_t length = readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
        binary.assign(buffer.data(), length > 0 ? static_cast<std::size_t>(length) : 0);
    }
    const auto slash = binary.rfind('/');
    return (slash == std::string::npos ? std::string(".") : binary.substr(0, slash)) +
           "/vstkit-webview";
}

}  // namespace

WebEditorSession::WebEditorSession(Display* display,
                                   std::span<const protocol::ParamSpec> parameters,
                                   ParameterAccess& access)
    : display_(display),
      access_(access),
      target_(std::make_unique<AccessBridgeTarget>(access)),
      bridge_(std::make_unique<bridge::BridgeSession>(parameters, *target_)) {}

std::unique_ptr<WebEditorSession> WebEditorSession::open(
    unsigned long parent, int width, int height, float scale, const core::WebUi& page,
    std::span<const protocol::ParamSpec> parameters, ParameterAccess& access, std::string& error) {
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        error = "cannot open the X display";
        return nullptr;
    }
    std::unique_ptr<WebEditorSession> session(new WebEditorSession(display, parameters, access));
    {
        XErrorTrap trap{display};
        XColor background{};
        const Colormap colormap = DefaultColormap(display, DefaultScreen(display));
        XParseColor(display, colormap, kBackground, &background);
        XAllocColor(display, colormap, &background);
        session->container_ = XCreateSimpleWindow(
            display, parent, 0, 0, static_cast<unsigned>(width), static_cast<unsigned>(height), 0,
            background.pixel, background.pixel);
        XSync(display, False);
        if (trap.failed() || session->container_ == 0) {
            error = "cannot create the editor's window in the host's window";
            session->container_ = 0;
            return nullptr;
        }
        XSelectInput(display, session->container_,
                     SubstructureNotifyMask | StructureNotifyMask | ExposureMask);
        XMapWindow(display, session->container_);
        session->width_ = width;
        session->height_ = height;
        session->embedder_ = std::make_unique<XEmbedEmbedder>(display, session->container_);
        XSync(display, False);
    }
    session->startHelper(page, scale);
    return session;
}

void WebEditorSession::startHelper(const core::WebUi& page, float scale) {
    const std::string program = helperPath();
    if (access(program.c_str(), X_OK) != 0) {
        fail("The web editor's helper (vstkit-webview) is not beside the plugin.");
        return;
    }
    const int archive = packPageArchive(page.files);
    if (archive < 0) {
        fail("The web editor's page could not be handed to its helper.");
        return;
    }
    std::string error;
    const bool started =
        helper_.start(program,
                      {"--parent", std::to_string(container_), "--width", std::to_string(width_),
                       "--height", std::to_string(height_), "--scale", std::to_string(scale)},
                      archive, error);
    close(archive);
    if (!started) {
        fail(error);
        return;
    }
    access_.listenToMeters(true);
    listening_ = true;
}

WebEditorSession::~WebEditorSession() {
    bridge_->endOpenGestures();
    if (listening_) {
        access_.listenToMeters(false);
    }
    helper_.stop();
    if (container_ != 0) {
        const XErrorTrap trap{display_};
        XDestroyWindow(display_, container_);
        XSync(display_, False);
    }
    XCloseDisplay(display_);
}

int WebEditorSession::connectionFd() const noexcept {
    return ConnectionNumber(display_);
}

void WebEditorSession::fail(std::string reason) noexcept {
    if (!failure_.empty()) {
        return;
    }
    failure_ = std::move(reason);
    helper_.park();
    bridge_->endOpenGestures();
    if (listening_) {
        access_.listenToMeters(false);
        listening_ = false;
    }
    drawMessage();
}

void WebEditorSession::drawMessage() noexcept {
    if (failure_.empty() || container_ == 0) {
        return;
    }
    const XErrorTrap trap{display_};
    XClearWindow(display_, container_);
    XColor colour{};
    const Colormap colormap = DefaultColormap(display_, DefaultScreen(display_));
    XParseColor(display_, colormap, kMessageColour, &colour);
    XAllocColor(display_, colormap, &colour);
    GC gc = XCreateGC(display_, container_, 0, nullptr);
    XSetForeground(display_, gc, colour.pixel);
    const std::string lines[2] = {failure_, "Close and reopen the editor to try again."};
    for (int line = 0; line < 2; ++line) {
        XDrawString(display_, container_, gc, 16, 28 + 18 * line, lines[line].c_str(),
                    static_cast<int>(lines[line].size()));
    }
    XFreeGC(display_, gc);
    XFlush(display_);
}

void WebEditorSession::sendLine(char kind, const std::string& text) noexcept {
    const int fd = helper_.socketFd();
    if (fd < 0) {
        return;
    }
    std::string line;
    line.reserve(text.size() + 2);
    line += kind;
    line += text;
    line += '\n';
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t written = write(fd, line.data() + done, line.size() - done);
        if (written > 0) {
            done += static_cast<std::size_t>(written);
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else if (written < 0 && errno == EAGAIN) {
            // The helper is behind: wait for it rather than cut a line in two.
            usleep(1000);
        } else {
            return;  // Gone; idle() notices and says so.
        }
    }
}

void WebEditorSession::readHelper() noexcept {
    const int fd = helper_.socketFd();
    if (fd < 0) {
        return;
    }
    char buffer[16384];
    for (;;) {
        const ssize_t count = read(fd, buffer, sizeof buffer);
        if (count <= 0) {
            break;
        }
        received_.append(buffer, static_cast<std::size_t>(count));
    }
    std::size_t start = 0;
    for (std::size_t end; (end = received_.find('\n', start)) != std::string::npos;
         start = end + 1) {
        const std::string_view line(received_.data() + start, end - start);
        if (line.empty()) {
            continue;
        }
        switch (line.front()) {
            case helper::kBridgeMessage: {
                const std::string reply = bridge_->handle(line.substr(1));
                if (!reply.empty()) {
                    sendLine(helper::kBridgeMessage, reply);
                }
                break;
            }
            case helper::kLoaded:
                loaded_ = true;
                break;
            case helper::kProbe:
                probeAnswers_.emplace_back(line.substr(1));
                break;
            case helper::kFailed:
                fail(std::string("The web editor cannot show its page: ").append(line.substr(1)));
                break;
            default:
                break;
        }
    }
    received_.erase(0, start);
    if (received_.size() > kMaxLine) {
        // No end of line in sight: the bridge refuses it unread, as too big.
        const std::string refusal = bridge_->handle(received_);
        received_.clear();
        sendLine(helper::kBridgeMessage, refusal);
    }
}

void WebEditorSession::idle() noexcept {
    try {
        const XErrorTrap trap{display_};
        while (XPending(display_) > 0) {
            XEvent event;
            XNextEvent(display_, &event);
            if (embedder_->handle(event)) {
                continue;
            }
            if (event.xany.window == container_ && event.type == Expose &&
                event.xexpose.count == 0) {
                drawMessage();
            } else if (event.xany.window == container_ && event.type == DestroyNotify) {
                container_ = 0;  // The host destroyed its window with ours inside.
            }
        }
        if (!failure_.empty()) {
            return;
        }
        readHelper();
        if (!helper_.running()) {
            if (helper_.exitCode() == 127) {
                fail(
                    "The web editor needs WebKitGTK (libwebkit2gtk-4.1-0), which is not "
                    "installed.");
            } else {
                fail("The web editor's helper stopped (" + helper_.endReason() + ").");
            }
            return;
        }
        if (loaded_) {
            for (const auto& note :
                 bridge_->pendingNotifications(std::chrono::steady_clock::now())) {
                sendLine(helper::kBridgeMessage, note);
            }
        }
    } catch (...) {
        // Only allocation can throw here; try again at the next idle.
    }
}

void WebEditorSession::resize(int width, int height) noexcept {
    width_ = width;
    height_ = height;
    if (container_ == 0) {
        return;
    }
    const XErrorTrap trap{display_};
    XResizeWindow(display_, container_, static_cast<unsigned>(width),
                  static_cast<unsigned>(height));
    embedder_->resize(width, height);
    XFlush(display_);
}

void WebEditorSession::probe(const std::string& expression) noexcept {
    if (expression.find('\n') == std::string::npos) {
        sendLine(helper::kProbe, expression);
    }
}

std::optional<std::string> WebEditorSession::takeProbeAnswer() {
    if (probeAnswers_.empty()) {
        return std::nullopt;
    }
    std::string answer = std::move(probeAnswers_.front());
    probeAnswers_.pop_front();
    return answer;
}

void WebEditorSession::setScale(float scale) noexcept {
    try {
        sendLine(helper::kZoom, std::to_string(scale));
    } catch (...) {
    }
}

}  // namespace vstkit::ui
