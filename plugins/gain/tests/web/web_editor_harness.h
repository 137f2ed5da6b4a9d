#pragma once

// What the gain's web editor test and bench share: the gain on its real
// processor as an editor sees it, and a host window with the editor inside.
// Include before Xlib's users: Xlib's macros (None, Bool) break these headers.
#include "plugin.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/core/realtime_guard.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/ui/editor.h"

#include <X11/Xlib.h>
#include <poll.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace vstkit_gain::testing {

using Clock = std::chrono::steady_clock;
using vstkit::core::pluginDefinition;

constexpr double kRate = 48000.0;
constexpr std::size_t kBlock = 64;

/// The gain plugin as an editor sees it, on its real processor: the
/// editor's edits go to the audio as events, the meters come from it, and
/// each call is written down.
class GainUnderTest final : public vstkit::ui::ParameterAccess {
  public:
    GainUnderTest() : core_(pluginDefinition()), normalized_(kParameters.size()) {
        core_.prepare(kRate, kBlock);
        for (std::size_t row = 0; row < kParameters.size(); ++row) {
            const auto& spec = kParameters[row];
            normalized_[row] = vstkit::protocol::toNormalized(spec, spec.defaultValue);
        }
        audio_ = std::thread([this] { play(); });
    }
    ~GainUnderTest() override {
        running_ = false;
        audio_.join();
    }
    GainUnderTest(const GainUnderTest&) = delete;
    GainUnderTest& operator=(const GainUnderTest&) = delete;
    GainUnderTest(GainUnderTest&&) = delete;
    GainUnderTest& operator=(GainUnderTest&&) = delete;

    /// The input: a 1 kHz sine at `peakDb` dBFS, or silence when nullopt.
    void playSine(std::optional<float> peakDb) {
        amplitude_ = peakDb ? std::pow(10.0F, *peakDb / 20.0F) : 0.0F;
    }
    [[nodiscard]] std::uint64_t blocksPlayed() const { return blocks_; }

    /// The host moves a value (automation, another editor).
    void hostSets(std::size_t row, float plain) {
        normalized_[row] = vstkit::protocol::toNormalized(kParameters[row], plain);
    }
    [[nodiscard]] std::vector<std::string> calls() {
        const std::scoped_lock lock{callsMutex_};
        return calls_;
    }

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override {
        return normalized_[index];
    }
    void beginEdit(std::size_t index) override { note("begin " + std::to_string(index)); }
    void performEdit(std::size_t index, float normalized) override {
        normalized_[index] = normalized;
        note("perform " + std::to_string(index));
    }
    void endEdit(std::size_t index) override { note("end " + std::to_string(index)); }
    [[nodiscard]] std::size_t meterChannels() const noexcept override {
        return core_.shared()->meters.channelCount();
    }
    [[nodiscard]] vstkit::core::MeterReading meterReading(
        std::size_t channel) const noexcept override {
        return core_.shared()->meters.read(channel);
    }
    void listenToMeters(bool listening) noexcept override {
        if (listening) {
            core_.shared()->meters.listen();
        } else {
            core_.shared()->meters.unlisten();
        }
    }

  private:
    void note(std::string call) {
        const std::scoped_lock lock{callsMutex_};
        calls_.push_back(std::move(call));
    }

    /// 64-frame stereo blocks at 48 kHz, paced as a sound card would.
    void play() {
        std::vector<float> left(kBlock);
        std::vector<float> right(kBlock);
        const std::array<float*, 2> channels{left.data(), right.data()};
        std::uint64_t frame = 0;
        auto next = Clock::now();
        std::vector<float> applied(normalized_.size(), -1.0F);
        while (running_) {
            {
                // What a format does on the audio thread, under the rt-check
                // build's guard: events, the processor and the meters.
                const vstkit::core::RealtimeGuard guard;
                for (std::size_t row = 0; row < normalized_.size(); ++row) {
                    if (const float value = normalized_[row]; value != applied[row]) {
                        applied[row] = value;
                        core_.events().add(
                            {0, static_cast<std::uint32_t>(row),
                             vstkit::protocol::fromNormalized(kParameters[row], value)},
                            true);
                    }
                }
                const float amplitude = amplitude_;
                for (std::size_t i = 0; i < kBlock; ++i, ++frame) {
                    const auto phase =
                        2.0 * std::numbers::pi * 1000.0 * static_cast<double>(frame) / kRate;
                    left[i] = right[i] = amplitude * static_cast<float>(std::sin(phase));
                }
                core_.process(channels, kBlock);
            }
            ++blocks_;
            next += std::chrono::microseconds(1333);
            std::this_thread::sleep_until(next);
        }
    }

    vstkit::core::AudioCore core_;
    /// Written by the UI thread, read by the audio thread.
    std::vector<std::atomic<float>> normalized_;
    std::atomic<float> amplitude_{0.0F};
    std::atomic<bool> running_{true};
    std::atomic<std::uint64_t> blocks_{0};
    std::mutex callsMutex_;
    std::vector<std::string> calls_;
    std::thread audio_;
};

/// A host window on the display, with the gain's web editor inside, and the
/// host's UI loop: it sleeps in poll() on the editor's X connection and the
/// page's socket, as a host's run loop does, and calls idle().
class HostedEditor final {
  public:
    explicit HostedEditor(vstkit::ui::ParameterAccess& access) : access_(access) {
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) {
            return;
        }
        window_ =
            XCreateSimpleWindow(display_, DefaultRootWindow(display_), 0, 0, 460, 240, 0, 0, 0);
        XMapWindow(display_, window_);
        XSync(display_, False);
    }
    ~HostedEditor() {
        editor.reset();
        if (display_ != nullptr) {
            XDestroyWindow(display_, window_);
            XCloseDisplay(display_);
        }
    }
    HostedEditor(const HostedEditor&) = delete;
    HostedEditor& operator=(const HostedEditor&) = delete;
    HostedEditor(HostedEditor&&) = delete;
    HostedEditor& operator=(HostedEditor&&) = delete;

    [[nodiscard]] bool hasDisplay() const noexcept { return display_ != nullptr; }
    [[nodiscard]] Display* display() const noexcept { return display_; }
    [[nodiscard]] Window window() const noexcept { return window_; }

    /// Makes the editor and opens it; false with the reason in `error`.
    bool open(std::string& error) {
        if (!editor) {
            editor = std::make_unique<vstkit::ui::Editor>(pluginDefinition().parameters, access_,
                                                          "VstKit", pluginDefinition().webUi);
        }
        if (!editor->open(window_)) {
            error = editor->error();
            return false;
        }
        return true;
    }
    /// Opens the editor and waits for its page to load.
    bool openAndLoad(std::string& error) {
        if (!open(error)) {
            return false;
        }
        if (!pumpUntil([&] { return editor->pageLoaded(); }, std::chrono::seconds(20))) {
            error = "the page did not load: " + editor->pageFailure();
            return false;
        }
        return true;
    }

    /// Runs the host's UI loop until `done` or `timeout`.
    template <typename Done>
    bool pumpUntil(Done done, std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            std::array<pollfd, 2> watched{
                {{editor->connectionFd(), POLLIN, 0}, {editor->bridgeFd(), POLLIN, 0}}};
            poll(watched.data(), watched.size(), 5);
            editor->idle();
            if (done()) {
                return true;
            }
        }
        return false;
    }
    void pump(std::chrono::milliseconds duration) {
        pumpUntil([] { return false; }, duration);
    }

    /// What `expression` evaluates to in the page, as JSON.
    std::string ask(const std::string& expression) {
        while (editor->takePageAnswer()) {
        }
        editor->askPage(expression);
        std::optional<std::string> answer;
        pumpUntil([&] { return (answer = editor->takePageAnswer()).has_value(); },
                  std::chrono::seconds(5));
        return answer.value_or("(no answer)");
    }

    std::unique_ptr<vstkit::ui::Editor> editor;

  private:
    vstkit::ui::ParameterAccess& access_;
    Display* display_ = nullptr;
    Window window_ = 0;
};

}  // namespace vstkit_gain::testing
