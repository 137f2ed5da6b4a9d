#include "clap_editor.h"

#include <cstring>

#include "clap_plugin.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::formats::clap {
namespace {

// The ~30 Hz the editor wants for redraws and for following automation.
constexpr std::uint32_t kTimerPeriodMs = 33;

bool isX11(const char* api) noexcept {
    return api != nullptr && std::strcmp(api, clap_abi::kWindowApiX11) == 0;
}

}  // namespace

ClapEditor::ClapEditor(ClapPlugin& plugin, const clap_abi::Host& host)
    : plugin_(plugin),
      host_(host),
      shown_(plugin.core().parameters().size(), 0.0F),
      editing_(plugin.core().parameters().size(), false),
      followed_(plugin.core().parameters().size(), 0.0F) {}

ClapEditor::~ClapEditor() {
    destroy();
}

void ClapEditor::init() noexcept {
    if (host_.getExtension == nullptr) {
        return;
    }
    hostTimers_ = static_cast<const clap_abi::HostTimerSupport*>(
        host_.getExtension(&host_, clap_abi::kExtTimerSupport));
    hostFds_ = static_cast<const clap_abi::HostPosixFdSupport*>(
        host_.getExtension(&host_, clap_abi::kExtPosixFdSupport));
}

bool ClapEditor::isApiSupported(const char* api, bool isFloating) const noexcept {
    return isX11(api) && !isFloating;
}

bool ClapEditor::preferredApi(const char** api, bool* isFloating) const noexcept {
    if (api != nullptr) {
        *api = clap_abi::kWindowApiX11;
    }
    if (isFloating != nullptr) {
        *isFloating = false;
    }
    return true;
}

bool ClapEditor::create(const char* api, bool isFloating) noexcept {
    // The editor runs on the host's loop: without the host's timers (a
    // scanner offers none) it cannot be made.
    if (editor_ || !isApiSupported(api, isFloating) || hostTimers_ == nullptr ||
        hostTimers_->registerTimer == nullptr || hostTimers_->unregisterTimer == nullptr) {
        return false;
    }
    try {
        const auto& definition = core::pluginDefinition();
        editor_.emplace(definition.parameters, static_cast<ui::ParameterAccess&>(*this),
                        definition.identity.name, definition.webUi);
        editor_->setContentScale(static_cast<float>(scale_));
    } catch (...) {
        editor_.reset();
        return false;
    }
    const auto table = plugin_.core().parameters();
    const auto& values = plugin_.core().shared()->values;
    for (std::size_t row = 0; row < shown_.size(); ++row) {
        editing_[row] = false;
        followed_[row] = values.plain(row);
        shown_[row] = protocol::toNormalized(table[row], followed_[row]);
    }
    return true;
}

void ClapEditor::destroy() noexcept {
    if (!editor_) {
        return;
    }
    stopRunLoop();
    editor_->close();  // Ends a drag in progress through endEdit().
    editor_.reset();
}

bool ClapEditor::setScale(double scale) noexcept {
    if (!(scale >= 0.5 && scale <= 4.0)) {
        return false;
    }
    scale_ = scale;
    if (editor_) {
        editor_->setContentScale(static_cast<float>(scale));
    }
    return true;
}

bool ClapEditor::size(std::uint32_t& width, std::uint32_t& height) const noexcept {
    if (!editor_) {
        return false;
    }
    width = static_cast<std::uint32_t>(editor_->currentWidth());
    height = static_cast<std::uint32_t>(editor_->currentHeight());
    return true;
}

bool ClapEditor::resizeHints(clap_abi::GuiResizeHints& hints) const noexcept {
    // Any size from the minimum up: rows stretch, reflow or scroll.
    hints = {true, true, false, 0, 0};
    return true;
}

bool ClapEditor::adjustSize(std::uint32_t& width, std::uint32_t& height) const noexcept {
    if (!editor_) {
        return false;
    }
    int w = static_cast<int>(std::min<std::uint32_t>(width, 1U << 15));
    int h = static_cast<int>(std::min<std::uint32_t>(height, 1U << 15));
    editor_->constrain(w, h);
    width = static_cast<std::uint32_t>(w);
    height = static_cast<std::uint32_t>(h);
    return true;
}

bool ClapEditor::setSize(std::uint32_t width, std::uint32_t height) noexcept {
    if (!editor_ || width > (1U << 15) || height > (1U << 15)) {
        return false;
    }
    return editor_->resize(static_cast<int>(width), static_cast<int>(height));
}

bool ClapEditor::setParent(const clap_abi::Window& window) noexcept {
    if (!editor_ || editor_->isOpen() || !isX11(window.api) || window.x11 == 0) {
        return false;
    }
    if (!editor_->open(static_cast<ui::NativeWindow>(window.x11))) {
        return false;
    }
    clap_abi::Id timer = clap_abi::kInvalidId;
    if (!hostTimers_->registerTimer(&host_, kTimerPeriodMs, &timer)) {
        editor_->close();
        return false;
    }
    timer_ = timer;
    // Optional: the host's loop may also wake us when X events arrive.
    const int fd = editor_->connectionFd();
    if (fd >= 0 && hostFds_ != nullptr && hostFds_->registerFd != nullptr &&
        hostFds_->registerFd(&host_, fd, clap_abi::kPosixFdRead)) {
        watchedFd_ = fd;
    }
    // A web page's messages are answered when they arrive, not at the next tick.
    const int bridgeFd = editor_->bridgeFd();
    if (bridgeFd >= 0 && hostFds_ != nullptr && hostFds_->registerFd != nullptr &&
        hostFds_->registerFd(&host_, bridgeFd, clap_abi::kPosixFdRead)) {
        watchedBridgeFd_ = bridgeFd;
    }
    return true;
}

void ClapEditor::stopRunLoop() noexcept {
    if (timer_ && hostTimers_ != nullptr && hostTimers_->unregisterTimer != nullptr) {
        hostTimers_->unregisterTimer(&host_, *timer_);
    }
    timer_.reset();
    if (watchedFd_ >= 0 && hostFds_ != nullptr && hostFds_->unregisterFd != nullptr) {
        hostFds_->unregisterFd(&host_, watchedFd_);
    }
    watchedFd_ = -1;
    if (watchedBridgeFd_ >= 0 && hostFds_ != nullptr && hostFds_->unregisterFd != nullptr) {
        hostFds_->unregisterFd(&host_, watchedBridgeFd_);
    }
    watchedBridgeFd_ = -1;
}

void ClapEditor::onFd(int fd) noexcept {
    if (editor_ && (fd == watchedFd_ || fd == watchedBridgeFd_)) {
        editor_->idle();
    }
}

void ClapEditor::onTimer(clap_abi::Id timerId) noexcept {
    if (editor_ && timer_ && timerId == *timer_) {
        followAudio();
        editor_->idle();
    }
}

void ClapEditor::followAudio() noexcept {
    const auto table = plugin_.core().parameters();
    const auto& values = plugin_.core().shared()->values;
    for (std::size_t row = 0; row < shown_.size(); ++row) {
        const float stored = values.plain(row);
        if (stored != followed_[row] && !editing_[row]) {
            followed_[row] = stored;
            shown_[row] = protocol::toNormalized(table[row], stored);
        }
    }
}

float ClapEditor::normalizedValue(std::size_t index) const noexcept {
    return index < shown_.size() ? shown_[index] : 0.0F;
}

void ClapEditor::beginEdit(std::size_t index) {
    if (index < shown_.size()) {
        editing_[index] = true;
        plugin_.queueEditorEdit({EditorEdit::Kind::Begin, static_cast<std::uint32_t>(index), 0.0F});
    }
}

void ClapEditor::performEdit(std::size_t index, float normalized) {
    if (index < shown_.size()) {
        const auto& spec = plugin_.core().parameters()[index];
        const float plain = protocol::fromNormalized(spec, normalized);
        shown_[index] = protocol::toNormalized(spec, plain);
        plugin_.queueEditorEdit(
            {EditorEdit::Kind::Value, static_cast<std::uint32_t>(index), plain});
    }
}

void ClapEditor::endEdit(std::size_t index) {
    if (index < shown_.size()) {
        editing_[index] = false;
        plugin_.queueEditorEdit({EditorEdit::Kind::End, static_cast<std::uint32_t>(index), 0.0F});
    }
}

std::size_t ClapEditor::meterChannels() const noexcept {
    return plugin_.core().shared()->meters.channelCount();
}

core::MeterReading ClapEditor::meterReading(std::size_t channel) const noexcept {
    return plugin_.core().shared()->meters.read(channel);
}

void ClapEditor::listenToMeters(bool listening) noexcept {
    if (listening == listeningToMeters_) {
        return;
    }
    listeningToMeters_ = listening;
    auto& meters = plugin_.core().shared()->meters;
    if (listening) {
        meters.listen();
    } else {
        meters.unlisten();
    }
}

}  // namespace vstkit::formats::clap
