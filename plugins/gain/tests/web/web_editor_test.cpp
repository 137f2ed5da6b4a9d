// The gain's web editor as the formats open it: ui::Editor with the page the
// plugin carries, its helper process (vstkit-webview, WebKitGTK) embedded in
// a plain Xlib window, and the bridge to the real gain processor running at
// real-time pace in a thread of its own. What the page shows is read back
// from its DOM (Editor::askPage). Runs under xvfb-run.
// Before Xlib, whose macros (None, Bool) break GoogleTest's templates.
#include <gtest/gtest.h>

#include "web_editor_harness.h"

#include <X11/extensions/XTest.h>
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace vstkit_gain {
namespace {

using namespace std::chrono_literals;
using testing::Clock;
using testing::GainUnderTest;
using testing::HostedEditor;
using vstkit::core::pluginDefinition;

/// A host window on the test's display, with the gain's editor inside.
class WebEditorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(host_.hasDisplay()) << "run under xvfb-run";
        ASSERT_NE(pluginDefinition().webUi, nullptr) << "the gain carries no page";
    }

    void openEditor() {
        std::string error;
        ASSERT_TRUE(host_.openAndLoad(error)) << error;
        ASSERT_TRUE(host_.editor->isWeb());
    }
    template <typename Done>
    bool pumpUntil(Done done, std::chrono::milliseconds timeout) {
        return host_.pumpUntil(done, timeout);
    }
    void pump(std::chrono::milliseconds duration) { host_.pump(duration); }
    std::string ask(const std::string& expression) { return host_.ask(expression); }

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
    HostedEditor host_{gain_};
    Display* display_ = host_.display();
    Window window_ = host_.window();
    std::unique_ptr<vstkit::ui::Editor>& editor_ = host_.editor;
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
    // Times here are audio time, counted in the blocks the audio thread
    // played: a busy machine slows the page's answers, not the meters.
    constexpr std::uint64_t kBlocksPerSecond = 750;  // 48 kHz in 64-frame blocks.
    gain_.playSine(-6.0F);
    const auto sineFrom = gain_.blocksPlayed();
    ASSERT_TRUE(
        pumpUntil([&] { return gain_.blocksPlayed() >= sineFrom + kBlocksPerSecond; }, 20s));
    pump(200ms);  // The next meters notification reaches the page.
    for (int channel = 0; channel < 2; ++channel) {
        EXPECT_NEAR(meterDb(channel, "peakDb"), -6.0, 0.3) << "channel " << channel;
        EXPECT_NEAR(meterDb(channel, "rmsDb"), -9.0, 0.3) << "channel " << channel;
    }
    gain_.playSine(std::nullopt);
    const auto silenceFrom = gain_.blocksPlayed();
    std::uint64_t fellAfter = 0;
    const bool fell = pumpUntil(
        [&] {
            // When the question was asked: the answer shows the page as it was then.
            const auto askedAt = gain_.blocksPlayed();
            if (meterDb(0, "peakDb") < -60.0 && meterDb(0, "rmsDb") < -60.0) {
                fellAfter = askedAt - silenceFrom;
                return true;
            }
            return false;
        },
        10s);
    EXPECT_TRUE(fell);
    EXPECT_LE(fellAfter, kBlocksPerSecond)
        << static_cast<double>(fellAfter) / kBlocksPerSecond << " s of audio";
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
