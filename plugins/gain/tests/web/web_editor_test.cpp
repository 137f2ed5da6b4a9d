// The gain's web editor as the formats open it: ui::Editor with the page the
// plugin carries, its helper process (vstkit-webview, WebKitGTK) embedded in
// a plain Xlib window, and the bridge to the real gain processor running at
// real-time pace in a thread of its own. What the page shows is read back
// from its DOM (Editor::askPage). Runs under xvfb-run.
// Before Xlib, whose macros (None, Bool) break these headers and GoogleTest's templates.
#include <gtest/gtest.h>

#include "plugin.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/core/realtime_guard.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/ui/editor.h"

#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <numbers>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace vstkit_gain {
namespace {

using namespace std::chrono_literals;
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

/// A host window on the test's display, with the gain's editor inside.
class WebEditorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        display_ = XOpenDisplay(nullptr);
        ASSERT_NE(display_, nullptr) << "run under xvfb-run";
        window_ =
            XCreateSimpleWindow(display_, DefaultRootWindow(display_), 0, 0, 460, 240, 0, 0, 0);
        XMapWindow(display_, window_);
        XSync(display_, False);
        ASSERT_NE(pluginDefinition().webUi, nullptr) << "the gain carries no page";
    }
    void TearDown() override {
        editor_.reset();
        XDestroyWindow(display_, window_);
        XCloseDisplay(display_);
    }

    void openEditor() {
        editor_ = std::make_unique<vstkit::ui::Editor>(pluginDefinition().parameters, gain_,
                                                       "VstKit", pluginDefinition().webUi);
        ASSERT_TRUE(editor_->isWeb());
        ASSERT_TRUE(editor_->open(window_)) << editor_->error();
        ASSERT_TRUE(pumpUntil([&] { return editor_->pageLoaded(); }, 20s))
            << "the page did not load: " << editor_->pageFailure();
    }

    /// Runs the host's UI loop (the editor's idle) until `done` or `timeout`.
    template <typename Done>
    bool pumpUntil(Done done, std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            editor_->idle();
            if (done()) {
                return true;
            }
            std::this_thread::sleep_for(5ms);
        }
        return false;
    }
    void pump(std::chrono::milliseconds duration) {
        pumpUntil([] { return false; }, duration);
    }

    /// What `expression` evaluates to in the page, as JSON.
    std::string ask(const std::string& expression) {
        while (editor_->takePageAnswer()) {
        }
        editor_->askPage(expression);
        std::optional<std::string> answer;
        pumpUntil([&] { return (answer = editor_->takePageAnswer()).has_value(); }, 5s);
        return answer.value_or("(no answer)");
    }
    /// Asks until the page answers `expected`, for up to `timeout`.
    bool pageShows(const std::string& expression, const std::string& expected,
                   std::chrono::milliseconds timeout = 3s) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            if (ask(expression) == expected) {
                return true;
            }
            pump(50ms);
        }
        return false;
    }
    double meterDb(int channel, const char* which) {
        const std::string answer = ask("Number(document.querySelector('.vk-meter[data-channel=\"" +
                                       std::to_string(channel) + "\"]').dataset." + which + ")");
        return std::strtod(answer.c_str(), nullptr);
    }

    GainUnderTest gain_;
    Display* display_ = nullptr;
    Window window_ = 0;
    std::unique_ptr<vstkit::ui::Editor> editor_;
};

const std::string kGainText =
    "document.querySelector('[data-parameter=gain] .vk-value').textContent";

TEST_F(WebEditorTest, ThePageShowsTheTableAndFollowsTheHost) {
    openEditor();
    EXPECT_TRUE(pageShows(kGainText, "\"0.0 dB\"")) << ask(kGainText);
    EXPECT_EQ(ask("document.querySelectorAll('[data-parameter]').length"), "2");
    gain_.hostSets(kGain, -12.0F);
    EXPECT_TRUE(pageShows(kGainText, "\"-12.0 dB\"")) << ask(kGainText);
    gain_.hostSets(kBypass, 1.0F);
    EXPECT_TRUE(pageShows("document.querySelector('[role=switch]').getAttribute('aria-checked')",
                          "\"true\""));
}

TEST_F(WebEditorTest, MetersReadTheOutputInDb) {
    openEditor();
    gain_.playSine(-6.0F);
    pump(1500ms);
    for (int channel = 0; channel < 2; ++channel) {
        EXPECT_NEAR(meterDb(channel, "peakDb"), -6.0, 0.3) << "channel " << channel;
        EXPECT_NEAR(meterDb(channel, "rmsDb"), -9.0, 0.3) << "channel " << channel;
    }
    gain_.playSine(std::nullopt);
    const auto silenceStart = Clock::now();
    const bool fell =
        pumpUntil([&] { return meterDb(0, "peakDb") < -60.0 && meterDb(0, "rmsDb") < -60.0; }, 3s);
    const auto fallTime = Clock::now() - silenceStart;
    EXPECT_TRUE(fell);
    EXPECT_LE(fallTime, 1000ms) << std::chrono::duration<double>(fallTime).count() << " s";
}

TEST_F(WebEditorTest, OverFullScaleLightsTheClipUntilClicked) {
    openEditor();
    const std::string lit = "document.querySelector('.vk-clip').classList.contains('vk-clip-lit')";
    gain_.playSine(-3.0F);
    pump(500ms);
    EXPECT_EQ(ask(lit), "false");
    gain_.playSine(1.0F);
    EXPECT_TRUE(pageShows(lit, "true"));
    gain_.playSine(-3.0F);
    pump(300ms);
    EXPECT_EQ(ask(lit), "true") << "the light must hold after the clip";
    // Click it as a person would: the page's coordinates are the window's.
    const std::string centre =
        ask("(() => { const r = document.querySelector('.vk-clip').getBoundingClientRect(); "
            "return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })()");
    int x = 0;
    int y = 0;
    ASSERT_EQ(std::sscanf(centre.c_str(), "[%d,%d]", &x, &y), 2) << centre;
    int rootX = 0;
    int rootY = 0;
    Window child = 0;
    XTranslateCoordinates(display_, window_, DefaultRootWindow(display_), x, y, &rootX, &rootY,
                          &child);
    XTestFakeMotionEvent(display_, -1, rootX, rootY, CurrentTime);
    XTestFakeButtonEvent(display_, 1, True, CurrentTime);
    XTestFakeButtonEvent(display_, 1, False, CurrentTime);
    XFlush(display_);
    EXPECT_TRUE(pageShows(lit, "false"));
}

TEST_F(WebEditorTest, BadMessagesFromThePageChangeNothing) {
    openEditor();
    ASSERT_TRUE(pageShows(kGainText, "\"0.0 dB\""));
    const auto before = gain_.calls().size();
    const auto sent = ask(
        "(() => { const h = window.webkit.messageHandlers.vstkit; "
        "for (const m of ['{', '[]', 'null', '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}', "
        "'{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"parameter.set\",\"params\":{\"id\":\"gian\","
        "\"value\":1}}', "
        "'{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"parameter.set\",\"params\":{\"id\":\"gain\","
        "\"value\":\"x\"}}', "
        "'{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"parameter.set\",\"params\":{\"id\":\"gain\","
        "\"value\":NaN}}', "
        "'{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"parameter.set\",\"params\":{\"id\":\"gain\","
        "\"value\":1,\"pad\":\"' + 'x'.repeat(70000) + '\"}}']) "
        "h.postMessage(m); h.postMessage(42); return 9; })()");
    ASSERT_EQ(sent, "9");
    pump(500ms);
    EXPECT_EQ(gain_.calls().size(), before) << "a bad message reached the plugin";
    EXPECT_EQ(ask(kGainText), "\"0.0 dB\"");
    // The bridge still answers: a good set goes through, as one gesture.
    ask("window.webkit.messageHandlers.vstkit.postMessage('{\"jsonrpc\":\"2.0\",\"id\":6,"
        "\"method\":\"parameter.set\",\"params\":{\"id\":\"gain\",\"value\":-6}}')");
    pump(300ms);
    const auto calls = gain_.calls();
    ASSERT_EQ(calls.size(), before + 3);
    EXPECT_EQ(calls[before], "begin 0");
    EXPECT_EQ(calls[before + 2], "end 0");
}

TEST_F(WebEditorTest, TheHostProcessNeverMapsGtkOrWebKit) {
    openEditor();
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        for (const char* library :
             {"libgtk-3", "libgdk-3", "libwebkit2gtk", "libjavascriptcoregtk"}) {
            EXPECT_EQ(line.find(library), std::string::npos) << line;
        }
    }
}

/// Running processes of the helper's programs (vstkit-webview and WebKit's
/// own), by pid. Zombies are not counted: once a helper is killed its WebKit
/// children end and pass to init, which reaps them in its own time.
std::set<int> runningHelperProcesses() {
    std::set<int> found;
    DIR* proc = opendir("/proc");
    while (dirent* entry = readdir(proc)) {
        const int pid = std::atoi(entry->d_name);
        if (pid <= 0) {
            continue;
        }
        std::ifstream statFile("/proc/" + std::string(entry->d_name) + "/stat");
        std::string stat;
        std::getline(statFile, stat);
        // "pid (comm) state ...": comm may hold spaces, so split at the last ')'.
        const auto close = stat.rfind(')');
        const auto open = stat.find('(');
        if (close == std::string::npos || open == std::string::npos || close + 2 >= stat.size()) {
            continue;
        }
        const std::string name = stat.substr(open + 1, close - open - 1);
        const char state = stat[close + 2];
        if (state != 'Z' && (name == "vstkit-webview" || name.starts_with("WebKitWebProces") ||
                             name.starts_with("WebKitNetworkPr"))) {
            found.insert(pid);
        }
    }
    closedir(proc);
    return found;
}

/// Children of this process, zombies included: an editor must reap its helper.
std::size_t ownChildren() {
    std::size_t count = 0;
    const std::string self = std::to_string(getpid());
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream statFile(entry.path() / "stat");
        std::string stat;
        if (!std::getline(statFile, stat)) {
            continue;
        }
        const auto close = stat.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream fields(stat.substr(close + 2));
        std::string state;
        std::string parent;
        fields >> state >> parent;
        count += parent == self ? 1U : 0U;
    }
    return count;
}

/// Waits up to 2 s for every helper and WebKit process to end.
bool helpersEnd() {
    const auto deadline = Clock::now() + 2s;
    while (!runningHelperProcesses().empty()) {
        if (Clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

std::size_t openDescriptors() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator("/proc/self/fd")) {
        ++count;
    }
    return count;
}

TEST_F(WebEditorTest, AKilledHelperLeavesAMessageAndReopeningBringsThePageBack) {
    openEditor();
    gain_.playSine(-6.0F);
    const long helper = editor_->pageHelperPid();
    ASSERT_GT(helper, 0);
    kill(static_cast<pid_t>(helper), SIGKILL);
    ASSERT_TRUE(pumpUntil([&] { return !editor_->pageFailure().empty(); }, 3s));
    EXPECT_NE(editor_->pageFailure().find("stopped"), std::string::npos) << editor_->pageFailure();
    const auto blocks = gain_.blocksPlayed();
    pump(300ms);
    EXPECT_GT(gain_.blocksPlayed(), blocks + 100) << "the audio stopped with the helper";
    editor_->close();
    openEditor();
    EXPECT_TRUE(pageShows(kGainText, "\"0.0 dB\""));
    editor_->close();
    EXPECT_EQ(ownChildren(), 0U) << "the editor left its helper unreaped";
    EXPECT_TRUE(helpersEnd()) << "a helper or WebKit process outlived the editor";
}

TEST_F(WebEditorTest, OpenCloseCyclesLeaveNoProcessesOrDescriptors) {
    openEditor();
    editor_->close();
    std::this_thread::sleep_for(300ms);
    const std::size_t descriptors = openDescriptors();
    for (int cycle = 0; cycle < 100; ++cycle) {
        ASSERT_TRUE(editor_->open(window_)) << editor_->error();
        // Every tenth page loads fully; the rest close while still starting.
        if (cycle % 10 == 0) {
            ASSERT_TRUE(pumpUntil([&] { return editor_->pageLoaded(); }, 20s)) << "cycle " << cycle;
        } else {
            pump(20ms);
        }
        editor_->close();
    }
    EXPECT_EQ(ownChildren(), 0U) << "the editor left a helper unreaped";
    EXPECT_TRUE(helpersEnd()) << "a helper or WebKit process outlived the editor";
    EXPECT_EQ(openDescriptors(), descriptors);
}

TEST_F(WebEditorTest, WithoutWebKitTheEditorSaysSoPlainly) {
    // A library folder holding a broken libwebkit2gtk: the helper cannot start.
    const auto folder =
        std::filesystem::temp_directory_path() / ("vstkit-no-webkit-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "libwebkit2gtk-4.1.so.0") << "not a library";
    const char* saved = std::getenv("LD_LIBRARY_PATH");
    const std::string savedValue = saved != nullptr ? saved : "";
    setenv("LD_LIBRARY_PATH", folder.c_str(), 1);
    editor_ = std::make_unique<vstkit::ui::Editor>(pluginDefinition().parameters, gain_, "VstKit",
                                                   pluginDefinition().webUi);
    const bool opened = editor_->open(window_);
    if (saved != nullptr) {
        setenv("LD_LIBRARY_PATH", savedValue.c_str(), 1);
    } else {
        unsetenv("LD_LIBRARY_PATH");
    }
    ASSERT_TRUE(opened) << editor_->error();
    ASSERT_TRUE(pumpUntil([&] { return !editor_->pageFailure().empty(); }, 5s));
    EXPECT_NE(editor_->pageFailure().find("WebKitGTK"), std::string::npos)
        << editor_->pageFailure();
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace vstkit_gain
