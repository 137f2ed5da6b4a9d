#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "vstkit/formats/clap/abi/gui.h"
#include "vstkit/formats/clap/abi/host.h"
#include "vstkit/formats/clap/abi/run_loop.h"
#include "vstkit/ui/editor.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::formats::clap {

class ClapPlugin;

/// The plugin's editor through clap.gui: embedded in the host's X11 window,
/// driven by the host's run loop (its timer, and its watch on the X
/// connection), never a thread of its own. An edit is queued for the audio
/// side, which applies it and reports it to the host as gesture and value
/// events; host automation shows through the values the audio side stores.
/// Every call is on the main thread.
class ClapEditor final : private ui::ParameterAccess {
  public:
    ClapEditor(ClapPlugin& plugin, const clap_abi::Host& host);
    ~ClapEditor() override;

    ClapEditor(const ClapEditor&) = delete;
    ClapEditor& operator=(const ClapEditor&) = delete;
    ClapEditor(ClapEditor&&) = delete;
    ClapEditor& operator=(ClapEditor&&) = delete;

    /// From the plugin's init(): finds the host's run-loop extensions.
    void init() noexcept;

    [[nodiscard]] bool isApiSupported(const char* api, bool isFloating) const noexcept;
    bool preferredApi(const char** api, bool* isFloating) const noexcept;
    bool create(const char* api, bool isFloating) noexcept;
    void destroy() noexcept;
    bool setScale(double scale) noexcept;
    bool size(std::uint32_t& width, std::uint32_t& height) const noexcept;
    bool resizeHints(clap_abi::GuiResizeHints& hints) const noexcept;
    bool adjustSize(std::uint32_t& width, std::uint32_t& height) const noexcept;
    bool setSize(std::uint32_t width, std::uint32_t height) noexcept;
    bool setParent(const clap_abi::Window& window) noexcept;
    bool show() noexcept { return editor_.has_value(); }
    bool hide() noexcept { return editor_.has_value(); }

    /// The host's run loop calls these.
    void onFd(int fd) noexcept;
    void onTimer(clap_abi::Id timerId) noexcept;

  private:
    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override;
    void beginEdit(std::size_t index) override;
    void performEdit(std::size_t index, float normalized) override;
    void endEdit(std::size_t index) override;
    [[nodiscard]] std::size_t meterChannels() const noexcept override;
    [[nodiscard]] core::MeterReading meterReading(std::size_t channel) const noexcept override;
    void listenToMeters(bool listening) noexcept override;

    /// Shows the values the audio side applied, except on rows being dragged.
    void followAudio() noexcept;
    void stopRunLoop() noexcept;

    ClapPlugin& plugin_;
    const clap_abi::Host& host_;
    const clap_abi::HostTimerSupport* hostTimers_ = nullptr;
    const clap_abi::HostPosixFdSupport* hostFds_ = nullptr;
    std::optional<ui::Editor> editor_;
    /// What the editor shows, normalized, per row; and which rows it drags.
    std::vector<float> shown_;
    std::vector<bool> editing_;
    /// The stored values last followed: only a change moves a row, so an
    /// edit on its way to the audio side is not undone meanwhile.
    std::vector<float> followed_;
    std::optional<clap_abi::Id> timer_;
    int watchedFd_ = -1;
    /// The web page's socket, when the host watches it too.
    int watchedBridgeFd_ = -1;
    bool listeningToMeters_ = false;
    double scale_ = 1.0;
};

}  // namespace vstkit::formats::clap
