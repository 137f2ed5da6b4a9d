#pragma once

#include <X11/Xlib.h>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "helper_process.h"
#include "vstkit/bridge/bridge_session.h"
#include "vstkit/core/web_ui.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/access_bridge_target.h"
#include "vstkit/ui/parameter_access.h"
#include "xembed_embedder.h"

namespace vstkit::ui {

/// An open web editor: a container window in the host's parent, the helper
/// process (vstkit-webview) whose page is embedded in it, and the bridge
/// session that answers the page. Should the helper end, the container
/// says so in plain words until the editor is closed and reopened; the host
/// and its audio go on. UI thread only; nothing here blocks but close.
class WebEditorSession final {
  public:
    /// Opens the container and starts the helper. nullptr, with a one-line
    /// reason in `error`, when the X display or the container cannot be had;
    /// a helper that cannot start leaves an open session showing why.
    static std::unique_ptr<WebEditorSession> open(unsigned long parent, int width, int height,
                                                  float scale, const core::WebUi& page,
                                                  std::span<const protocol::ParamSpec> parameters,
                                                  ParameterAccess& access, std::string& error);
    ~WebEditorSession();
    WebEditorSession(const WebEditorSession&) = delete;
    WebEditorSession& operator=(const WebEditorSession&) = delete;
    WebEditorSession(WebEditorSession&&) = delete;
    WebEditorSession& operator=(WebEditorSession&&) = delete;

    /// Window events, the page's messages and the notifications due.
    void idle() noexcept;
    void resize(int width, int height) noexcept;
    void setScale(float scale) noexcept;

    [[nodiscard]] unsigned long window() const noexcept { return container_; }
    [[nodiscard]] int connectionFd() const noexcept;
    [[nodiscard]] int bridgeFd() const noexcept { return helper_.socketFd(); }
    /// Asks the page to evaluate `expression`; the answer comes to
    /// takeProbeAnswer() at a later idle().
    void probe(const std::string& expression) noexcept;
    [[nodiscard]] std::optional<std::string> takeProbeAnswer();
    [[nodiscard]] bool pageLoaded() const noexcept { return loaded_; }
    [[nodiscard]] pid_t helperPid() const noexcept { return helper_.pid(); }

    /// Why the page is not shown, or empty while it is (or is on its way).
    [[nodiscard]] const std::string& failure() const noexcept { return failure_; }

  private:
    WebEditorSession(Display* display, std::span<const protocol::ParamSpec> parameters,
                     ParameterAccess& access);
    void startHelper(const core::WebUi& page, float scale);
    void readHelper() noexcept;
    void sendLine(char kind, const std::string& text) noexcept;
    void fail(std::string reason) noexcept;
    void drawMessage() noexcept;

    Display* display_;
    unsigned long container_ = 0;
    int width_ = 0;
    int height_ = 0;
    ParameterAccess& access_;
    std::unique_ptr<AccessBridgeTarget> target_;
    std::unique_ptr<bridge::BridgeSession> bridge_;
    std::unique_ptr<XEmbedEmbedder> embedder_;
    HelperProcess helper_;
    std::string received_;
    std::deque<std::string> probeAnswers_;
    std::string failure_;
    bool loaded_ = false;
    bool listening_ = false;
};

}  // namespace vstkit::ui
