#include "vstkit/ui/editor.h"

// Before Xlib, whose macros (None, Bool) break GoogleTest's templates.
#include <gtest/gtest.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "combo_row.h"
#include "layout.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::ui {
namespace {

using namespace std::chrono_literals;
constexpr auto& kParams = protocol::testing::kGainTable;

constexpr std::size_t kGain = protocol::testing::kGain;
constexpr std::size_t kBypass = protocol::testing::kGainBypass;

/// Starts Xvfb on a free display number and waits until it is ready.
/// VirtualDisplay can start one too, but it closes the -displayfd pipe after
/// its first read; Xvfb writes the number and the newline separately and exits
/// ("Cannot write display number") when the pipe closes in between, which
/// under CTest happened on most starts. This reads up to the newline.
class XvfbProcess final {
  public:
    XvfbProcess() {
        int fds[2];
        if (access("/usr/bin/Xvfb", X_OK) != 0 || pipe(fds) != 0) {
            return;
        }
        pid_ = fork();
        if (pid_ == 0) {
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            const int devNull = open("/dev/null", O_WRONLY);
            dup2(devNull, STDOUT_FILENO);
            dup2(devNull, STDERR_FILENO);
            close(fds[0]);
            const std::string fd = std::to_string(fds[1]);
            execl("/usr/bin/Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24",
                  "-nolisten", "tcp", "-noreset", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        std::string number;
        pollfd ready{fds[0], POLLIN, 0};
        char byte = 0;
        while (pid_ > 0 && poll(&ready, 1, 10000) == 1 && read(fds[0], &byte, 1) == 1 &&
               byte != '\n') {
            number += byte;
        }
        close(fds[0]);
        if (byte == '\n' && !number.empty()) {
            setenv("DISPLAY", (":" + number).c_str(), 1);
        }
    }
    ~XvfbProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    XvfbProcess(const XvfbProcess&) = delete;
    XvfbProcess& operator=(const XvfbProcess&) = delete;
    XvfbProcess(XvfbProcess&&) = delete;
    XvfbProcess& operator=(XvfbProcess&&) = delete;

  private:
    pid_t pid_ = -1;
};

/// Always a private Xvfb: XTest moves the pointer, which must never be the
/// pointer of the desktop the tests were started from. VirtualDisplay then
/// adds the window-manager atoms, as for the host's editor check.
class PrivateXServer final : public ::testing::Environment {
  public:
    void SetUp() override {
        unsetenv("DISPLAY");
        server_ = std::make_unique<XvfbProcess>();
        display_ = std::make_unique<xdisplay::VirtualDisplay>();
    }
    void TearDown() override {
        display_.reset();
        server_.reset();
    }
    [[nodiscard]] static bool available() { return display_ && display_->available(); }

  private:
    static inline std::unique_ptr<XvfbProcess> server_;
    static inline std::unique_ptr<xdisplay::VirtualDisplay> display_;
};

[[maybe_unused]] const auto* const kServer =
    ::testing::AddGlobalTestEnvironment(new PrivateXServer);

/// A controller stand-in: records every call and applies performs, as a host would.
class RecordingAccess final : public ParameterAccess {
  public:
    enum class Kind { Begin, Perform, End };
    struct Call {
        Kind kind;
        std::size_t index;
        float value;
    };

    explicit RecordingAccess(std::span<const protocol::ParamSpec> table = kParams) {
        for (const auto& spec : table) {
            values.push_back(protocol::toNormalized(spec, spec.defaultValue));
        }
    }

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override {
        return values[index];
    }
    void beginEdit(std::size_t index) override { calls.push_back({Kind::Begin, index, 0.0F}); }
    void performEdit(std::size_t index, float normalized) override {
        calls.push_back({Kind::Perform, index, normalized});
        values[index] = normalized;
    }
    void endEdit(std::size_t index) override { calls.push_back({Kind::End, index, 0.0F}); }

    [[nodiscard]] int count(Kind kind, std::size_t index) const {
        int found = 0;
        for (const Call& call : calls) {
            found += call.kind == kind && call.index == index ? 1 : 0;
        }
        return found;
    }
    [[nodiscard]] std::optional<float> lastPerformed(std::size_t index) const {
        std::optional<float> last;
        for (const Call& call : calls) {
            if (call.kind == Kind::Perform && call.index == index) {
                last = call.value;
            }
        }
        return last;
    }
    /// Begin first, end last, nothing of this parameter outside the pair.
    [[nodiscard]] bool isOneGesture(std::size_t index) const {
        std::vector<Kind> kinds;
        for (const Call& call : calls) {
            if (call.index == index) {
                kinds.push_back(call.kind);
            }
        }
        return kinds.size() >= 2 && kinds.front() == Kind::Begin && kinds.back() == Kind::End &&
               count(Kind::Begin, index) == 1 && count(Kind::End, index) == 1;
    }

    std::vector<float> values;
    std::vector<Call> calls;
};

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> rgb;  // 0xRRGGBB

    [[nodiscard]] std::size_t distinctColours() const {
        return std::set<std::uint32_t>(rgb.begin(), rgb.end()).size();
    }
    [[nodiscard]] std::size_t countNear(std::uint32_t colour, int tolerance) const {
        std::size_t found = 0;
        for (const std::uint32_t pixel : rgb) {
            bool near = true;
            for (const unsigned shift : {16U, 8U, 0U}) {
                const int a = static_cast<int>((pixel >> shift) & 0xFFU);
                const int b = static_cast<int>((colour >> shift) & 0xFFU);
                near = near && std::abs(a - b) <= tolerance;
            }
            found += near ? 1 : 0;
        }
        return found;
    }
    /// Writes a binary PPM, for people to look at.
    void save(const std::string& path) const {
        std::ofstream file{path, std::ios::binary};
        file << "P6\n" << width << ' ' << height << "\n255\n";
        for (const std::uint32_t pixel : rgb) {
            const char bytes[3] = {static_cast<char>((pixel >> 16U) & 0xFFU),
                                   static_cast<char>((pixel >> 8U) & 0xFFU),
                                   static_cast<char>(pixel & 0xFFU)};
            file.write(bytes, 3);
        }
    }
};

[[nodiscard]] long residentBytes() {
    std::ifstream statm{"/proc/self/statm"};
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

[[nodiscard]] int openFileDescriptors() {
    int count = 0;
    if (DIR* directory = opendir("/proc/self/fd")) {
        while (readdir(directory) != nullptr) {
            ++count;
        }
        closedir(directory);
    }
    return count;
}

class EditorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!PrivateXServer::available()) {
            GTEST_SKIP() << "no X server (is Xvfb installed?)";
        }
        display_ = XOpenDisplay(nullptr);
        ASSERT_NE(display_, nullptr);
        int event = 0;
        int error = 0;
        int major = 0;
        int minor = 0;
        if (!XTestQueryExtension(display_, &event, &error, &major, &minor)) {
            GTEST_SKIP() << "the X server lacks XTest";
        }
    }

    void TearDown() override {
        for (const Window window : parents_) {
            XDestroyWindow(display_, window);
        }
        if (display_ != nullptr) {
            XCloseDisplay(display_);
        }
    }

    /// A top-level window the editor embeds into, as a host's plugin window.
    Window makeParent(int x, int y, int width, int height) {
        const int screen = DefaultScreen(display_);
        const Window window =
            XCreateSimpleWindow(display_, RootWindow(display_, screen), x, y,
                                static_cast<unsigned>(width), static_cast<unsigned>(height), 0,
                                BlackPixel(display_, screen), BlackPixel(display_, screen));
        XMapWindow(display_, window);
        XSync(display_, False);
        parents_.push_back(window);
        return window;
    }

    /// The host's run loop: idle() on a short timer.
    static void pump(std::initializer_list<Editor*> editors, std::chrono::milliseconds duration) {
        const auto until = std::chrono::steady_clock::now() + duration;
        do {
            for (Editor* editor : editors) {
                editor->idle();
            }
            std::this_thread::sleep_for(5ms);
        } while (std::chrono::steady_clock::now() < until);
    }
    static void pump(Editor& editor, std::chrono::milliseconds duration = 60ms) {
        pump({&editor}, duration);
    }

    void pointerTo(Window window, int x, int y) {
        int rootX = 0;
        int rootY = 0;
        Window child = None;
        XTranslateCoordinates(display_, window, DefaultRootWindow(display_), x, y, &rootX, &rootY,
                              &child);
        XTestFakeMotionEvent(display_, -1, rootX, rootY, CurrentTime);
        XFlush(display_);
    }
    void button(bool down) {
        XTestFakeButtonEvent(display_, 1, down ? True : False, CurrentTime);
        XFlush(display_);
    }
    void key(KeySym keysym, bool down) {
        XTestFakeKeyEvent(display_, XKeysymToKeycode(display_, keysym), down ? True : False,
                          CurrentTime);
        XFlush(display_);
    }
    void tap(Editor& editor, KeySym keysym) {
        key(keysym, true);
        pump(editor, 20ms);
        key(keysym, false);
        pump(editor, 20ms);
    }

    void click(Editor& editor, Window parent, int x, int y) {
        pointerTo(parent, x, y);
        pump(editor, 30ms);
        button(true);
        pump(editor, 30ms);
        button(false);
        pump(editor, 60ms);
    }

    /// The conformance check's gesture: press, eight motion steps, release.
    void drag(Editor& editor, Window parent, int fromX, int toX, int y) {
        pointerTo(parent, fromX, y);
        pump(editor, 60ms);
        button(true);
        pump(editor, 60ms);
        constexpr int kSteps = 8;
        for (int step = 1; step <= kSteps; ++step) {
            pointerTo(parent, fromX + (toX - fromX) * step / kSteps, y);
            pump(editor, 30ms);
        }
        button(false);
        pump(editor, 150ms);
    }

    void ctrlClick(Editor& editor, Window parent, int x, int y) {
        pointerTo(parent, x, y);
        pump(editor, 30ms);
        key(XK_Control_L, true);
        pump(editor, 20ms);
        button(true);
        pump(editor, 20ms);
        button(false);
        pump(editor, 20ms);
        key(XK_Control_L, false);
        pump(editor, 60ms);
    }

    [[nodiscard]] Image grab(Window window, int width, int height) {
        Image image{width, height, {}};
        XImage* pixels = XGetImage(display_, window, 0, 0, static_cast<unsigned>(width),
                                   static_cast<unsigned>(height), AllPlanes, ZPixmap);
        if (pixels == nullptr) {
            return image;
        }
        image.rgb.reserve(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const unsigned long pixel = XGetPixel(pixels, x, y);
                const auto red = static_cast<std::uint32_t>((pixel & pixels->red_mask) >> 16U);
                const auto green = static_cast<std::uint32_t>((pixel & pixels->green_mask) >> 8U);
                const auto blue = static_cast<std::uint32_t>(pixel & pixels->blue_mask);
                image.rgb.push_back((red << 16U) | (green << 8U) | blue);
            }
        }
        XDestroyImage(pixels);
        return image;
    }

    [[nodiscard]] std::optional<XWindowAttributes> editorWindow(Window parent) {
        Window root = None;
        Window parentOfParent = None;
        Window* children = nullptr;
        unsigned count = 0;
        if (XQueryTree(display_, parent, &root, &parentOfParent, &children, &count) == 0) {
            return std::nullopt;
        }
        std::optional<XWindowAttributes> attributes;
        if (count == 1) {
            attributes.emplace();
            XGetWindowAttributes(display_, children[0], &*attributes);
        }
        if (children != nullptr) {
            XFree(children);
        }
        return attributes;
    }

    static void saveScreenshot(const Image& image, const std::string& name) {
        if (const char* directory = std::getenv("VSTKIT_UI_SCREENSHOT_DIR")) {
            image.save(std::string{directory} + "/" + name + ".ppm");
        }
    }

    Display* display_ = nullptr;
    std::vector<Window> parents_;
};

/// The press point of the host's conformance check, in editor pixels.
struct ConformancePoint {
    int x;
    int y;
    int dragToX;
};

[[nodiscard]] ConformancePoint conformancePoint(const Editor& editor) {
    return {editor.width() / 2, editor.height() * 7 / 10, editor.width() / 4};
}

TEST(EditorLayout, FirstSliderTakesTheConformanceChecksDrag) {
    const Size size = naturalSize(kParams, 1.0F);
    EXPECT_GE(size.width, 100);
    EXPECT_GE(size.height, 50);
    const Layout layout = computeLayout(kParams, 1.0F, size.width);
    ASSERT_EQ(layout.rows.size(), kParams.size());
    ASSERT_EQ(kParams[kGain].kind, protocol::ParamKind::Continuous);
    const auto x = static_cast<float>(size.width / 2);
    const auto y = static_cast<float>(size.height * 7 / 10);
    EXPECT_TRUE(layout.rows[kGain].control.contains(x, y));
    EXPECT_TRUE(layout.rows[kGain].card.contains(static_cast<float>(size.width / 4), y));
}

TEST(EditorLayout, ScalesWithTheContentScale) {
    const Size single = naturalSize(kParams, 1.0F);
    const Size twice = naturalSize(kParams, 2.0F);
    EXPECT_EQ(twice.width, 2 * single.width);
    EXPECT_EQ(twice.height, 2 * single.height);
    EXPECT_EQ(naturalSize(kParams, std::numeric_limits<float>::quiet_NaN()).width, single.width);
}

TEST_F(EditorTest, TouchesNoXServerBeforeOpen) {
    const std::string realDisplay = std::getenv("DISPLAY");
    setenv("DISPLAY", ":87", 1);  // No such server: any connection attempt would fail.
    const int descriptorsBefore = openFileDescriptors();
    RecordingAccess access;
    {
        Editor editor{kParams, access, "VstKit"};
        EXPECT_GE(editor.width(), 100);
        EXPECT_GE(editor.height(), 50);
        editor.setContentScale(2.0F);
        EXPECT_GE(editor.width(), 200);
        editor.setContentScale(1.0F);
        EXPECT_FALSE(editor.isOpen());
        EXPECT_EQ(editor.connectionFd(), -1);
        EXPECT_EQ(editor.nativeWindow(), 0U);
        editor.idle();
        editor.resize(300, 200);
        editor.close();
        EXPECT_EQ(openFileDescriptors(), descriptorsBefore);

        EXPECT_FALSE(editor.open(0x1234));
        EXPECT_NE(editor.error().find("cannot open X display \":87\""), std::string::npos)
            << editor.error();
        EXPECT_FALSE(editor.isOpen());
        EXPECT_EQ(editor.connectionFd(), -1);
    }
    EXPECT_EQ(openFileDescriptors(), descriptorsBefore);
    EXPECT_TRUE(access.calls.empty());
    setenv("DISPLAY", realDisplay.c_str(), 1);
}

TEST_F(EditorTest, RefusesAParentThatIsNotAWindowAndLeavesNothingOpen) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const int descriptorsBefore = openFileDescriptors();
    EXPECT_FALSE(editor.open(0x7F00001));
    EXPECT_NE(editor.error().find("not a window"), std::string::npos) << editor.error();
    EXPECT_FALSE(editor.isOpen());
    EXPECT_EQ(editor.connectionFd(), -1);
    EXPECT_EQ(openFileDescriptors(), descriptorsBefore);

    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    EXPECT_TRUE(editor.error().empty());
    EXPECT_NE(editor.nativeWindow(), 0U);
    EXPECT_NE(editor.nativeWindow(), parent);
    EXPECT_FALSE(editor.open(parent));  // Already open.
}

TEST_F(EditorTest, DrawsTheTitleAndEveryParameter) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    EXPECT_TRUE(editor.isOpen());
    EXPECT_GE(editor.connectionFd(), 0);
    pump(editor, 300ms);

    const auto child = editorWindow(parent);
    ASSERT_TRUE(child.has_value());
    EXPECT_EQ(child->width, editor.width());
    EXPECT_EQ(child->height, editor.height());
    EXPECT_EQ(child->map_state, IsViewable);
    const long wanted = ExposureMask | StructureNotifyMask | ButtonPressMask | ButtonReleaseMask |
                        PointerMotionMask | KeyPressMask | KeyReleaseMask;
    EXPECT_EQ(child->all_event_masks & wanted, wanted);

    const Image shot = grab(parent, editor.width(), editor.height());
    saveScreenshot(shot, "editor");
    EXPECT_GE(shot.distinctColours(), 8U);
    EXPECT_TRUE(access.calls.empty());
}

TEST_F(EditorTest, DraggingTheFirstSliderIsOneGestureThatLowersIt) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const float before = access.values[kGain];

    const ConformancePoint point = conformancePoint(editor);
    drag(editor, parent, point.x, point.dragToX, point.y);

    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kGain), 1);
    EXPECT_GE(access.count(RecordingAccess::Kind::Perform, kGain), 1);
    EXPECT_EQ(access.count(RecordingAccess::Kind::End, kGain), 1);
    EXPECT_TRUE(access.isOneGesture(kGain));
    EXPECT_LT(access.values[kGain], before - 0.1F);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kBypass), 0);
}

TEST_F(EditorTest, DoubleClickResetsTheSliderToItsDefault) {
    RecordingAccess access;
    access.values[kGain] = 0.8F;  // Where the host has it.
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);

    const ConformancePoint point = conformancePoint(editor);
    pointerTo(parent, point.x, point.y);
    pump(editor, 30ms);
    for (int press = 0; press < 2; ++press) {
        button(true);
        pump(editor, 20ms);
        button(false);
        pump(editor, 20ms);
    }
    pump(editor, 100ms);

    const float defaultValue = protocol::toNormalized(kParams[kGain], kParams[kGain].defaultValue);
    ASSERT_TRUE(access.lastPerformed(kGain).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kGain), defaultValue);
    EXPECT_FLOAT_EQ(access.values[kGain], defaultValue);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Perform, kGain), 1);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kGain),
              access.count(RecordingAccess::Kind::End, kGain));
    EXPECT_EQ(access.calls.back().kind, RecordingAccess::Kind::End);
}

TEST_F(EditorTest, CtrlClickThenTypingAValueAndEnterSetsIt) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);

    const ConformancePoint point = conformancePoint(editor);
    ctrlClick(editor, parent, point.x, point.y);
    EXPECT_TRUE(access.calls.empty()) << "Ctrl-click only opens the text field";
    tap(editor, XK_minus);
    tap(editor, XK_6);
    saveScreenshot(grab(parent, editor.width(), editor.height()), "editor-typing");
    tap(editor, XK_Return);
    pump(editor, 60ms);

    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kGain), 1);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Perform, kGain), 1);
    EXPECT_TRUE(access.isOneGesture(kGain));
    ASSERT_TRUE(access.lastPerformed(kGain).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kGain), 0.375F);  // -6 dB of -24..+24.
}

// A value typed through the input method in UTF-8: a key mapped to U+2212
// MINUS SIGN (as a non-Latin layout would give it) types "−6", which lands.
TEST_F(EditorTest, AUnicodeMinusTypedThroughTheInputMethodLands) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    int lowest = 0;
    int highest = 0;
    XDisplayKeycodes(display_, &lowest, &highest);
    KeySym minusSign = 0x1002212;  // Unicode keysym for U+2212.
    KeySym previous = NoSymbol;
    int perKeycode = 0;
    KeySym* old = XGetKeyboardMapping(display_, static_cast<KeyCode>(highest), 1, &perKeycode);
    if (old != nullptr) {
        previous = old[0];
        XFree(old);
    }
    XChangeKeyboardMapping(display_, highest, 1, &minusSign, 1);
    XSync(display_, False);
    pump(editor, 60ms);

    const ConformancePoint point = conformancePoint(editor);
    ctrlClick(editor, parent, point.x, point.y);
    tap(editor, minusSign);
    tap(editor, XK_6);
    tap(editor, XK_Return);
    pump(editor, 60ms);
    XChangeKeyboardMapping(display_, highest, 1, &previous, 1);
    XSync(display_, False);

    EXPECT_TRUE(access.isOneGesture(kGain));
    ASSERT_TRUE(access.lastPerformed(kGain).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kGain), 0.375F);  // -6 dB of -24..+24.
}

// Keyboard use: a click gives a row the keyboard; arrows nudge (Shift finer),
// Tab moves on, Enter flips a switch, Escape hands the keyboard back. Every
// change is one gesture.
TEST_F(EditorTest, TheKeyboardNudgesMovesBetweenRowsAndLetsGo) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Layout layout = computeLayout(kParams, 1.0F, editor.width());
    const Rect label = layout.rows[kGain].label;
    click(editor, parent, static_cast<int>(label.x + 4.0F), static_cast<int>(label.centerY()));
    access.calls.clear();  // The press itself touches the parameter.

    tap(editor, XK_Right);
    EXPECT_TRUE(access.isOneGesture(kGain));
    ASSERT_TRUE(access.lastPerformed(kGain).has_value());
    EXPECT_NEAR(*access.lastPerformed(kGain), 0.51F, 1e-6F);
    access.calls.clear();
    key(XK_Shift_L, true);
    tap(editor, XK_Left);
    key(XK_Shift_L, false);
    pump(editor, 20ms);
    EXPECT_TRUE(access.isOneGesture(kGain));
    EXPECT_NEAR(*access.lastPerformed(kGain), 0.509F, 1e-6F);

    access.calls.clear();
    tap(editor, XK_Tab);
    tap(editor, XK_Return);
    EXPECT_TRUE(access.isOneGesture(kBypass));
    ASSERT_TRUE(access.lastPerformed(kBypass).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kBypass), 1.0F);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kGain), 0);

    access.calls.clear();
    tap(editor, XK_Escape);
    tap(editor, XK_Down);
    tap(editor, XK_Return);
    EXPECT_TRUE(access.calls.empty()) << "after Escape the keys are the host's";
}

TEST_F(EditorTest, DrawsWithATrueTypeFontFoundThroughFontconfig) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    EXPECT_TRUE(editor.fontDescription().empty());
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    EXPECT_NE(editor.fontDescription().find("DejaVu"), std::string::npos)
        << editor.fontDescription();
}

TEST_F(EditorTest, TextThatIsNoValueIsRefusedVisiblyAndEscapeCancels) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    constexpr std::uint32_t kErrorRed = 0xE5484D;
    const Image calm = grab(parent, editor.width(), editor.height());

    const ConformancePoint point = conformancePoint(editor);
    ctrlClick(editor, parent, point.x, point.y);
    tap(editor, XK_z);
    tap(editor, XK_z);
    tap(editor, XK_Return);
    pump(editor, 100ms);
    const Image refused = grab(parent, editor.width(), editor.height());
    saveScreenshot(refused, "editor-refused");
    EXPECT_TRUE(access.calls.empty());
    EXPECT_GT(refused.countNear(kErrorRed, 12), calm.countNear(kErrorRed, 12) + 20)
        << "a refused value shows red";

    tap(editor, XK_Escape);
    pump(editor, 100ms);
    tap(editor, XK_5);
    tap(editor, XK_Return);
    pump(editor, 100ms);
    EXPECT_TRUE(access.calls.empty());
    EXPECT_FLOAT_EQ(access.values[kGain], 0.5F);
    const Image after = grab(parent, editor.width(), editor.height());
    EXPECT_EQ(after.countNear(kErrorRed, 12), calm.countNear(kErrorRed, 12));
}

TEST_F(EditorTest, ClickingTheSwitchTogglesItInOneGesture) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Rect control = computeLayout(kParams, 1.0F, editor.width()).rows[kBypass].control;
    const auto x = static_cast<int>(control.centerX());
    const auto y = static_cast<int>(control.centerY());

    click(editor, parent, x, y);
    EXPECT_TRUE(access.isOneGesture(kBypass));
    EXPECT_EQ(access.count(RecordingAccess::Kind::Perform, kBypass), 1);
    ASSERT_TRUE(access.lastPerformed(kBypass).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kBypass), 1.0F);

    access.calls.clear();
    click(editor, parent, x, y);
    ASSERT_TRUE(access.lastPerformed(kBypass).has_value());
    EXPECT_FLOAT_EQ(*access.lastPerformed(kBypass), 0.0F);
    EXPECT_TRUE(access.isOneGesture(kBypass));
    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, kGain), 0);
}

TEST_F(EditorTest, ValuesTheHostMovesShowAtTheNextIdle) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Image before = grab(parent, editor.width(), editor.height());
    pump(editor, 100ms);
    EXPECT_EQ(grab(parent, editor.width(), editor.height()).rgb, before.rgb)
        << "nothing changed, so nothing may move";

    access.values[kGain] = protocol::toNormalized(kParams[kGain], 12.0F);
    access.values[kBypass] = 1.0F;
    editor.idle();
    const Image after = grab(parent, editor.width(), editor.height());
    saveScreenshot(after, "editor-automated");
    EXPECT_NE(after.rgb, before.rgb);
    // The value readout and the switch both changed.
    const Layout layout = computeLayout(kParams, 1.0F, editor.width());
    for (const Rect& area : {layout.rows[kGain].value, layout.rows[kBypass].control}) {
        bool differs = false;
        for (int y = static_cast<int>(area.y); y < static_cast<int>(area.bottom()); ++y) {
            for (int x = static_cast<int>(area.x); x < static_cast<int>(area.right()); ++x) {
                const auto at = static_cast<std::size_t>(y * after.width + x);
                differs = differs || after.rgb[at] != before.rgb[at];
            }
        }
        EXPECT_TRUE(differs);
    }
    EXPECT_TRUE(access.calls.empty());
}

TEST_F(EditorTest, TwoEditorsOpenAtOnceBothDrawAndEditTheirOwnParameters) {
    RecordingAccess firstAccess;
    RecordingAccess secondAccess;
    Editor first{kParams, firstAccess, "First"};
    Editor second{kParams, secondAccess, "Second"};
    const Window firstParent = makeParent(0, 0, first.width(), first.height());
    const Window secondParent = makeParent(0, first.height() + 20, second.width(), second.height());
    ASSERT_TRUE(first.open(firstParent)) << first.error();
    ASSERT_TRUE(second.open(secondParent)) << second.error();
    EXPECT_NE(first.connectionFd(), second.connectionFd());
    pump({&first, &second}, 300ms);

    const Image firstShot = grab(firstParent, first.width(), first.height());
    const Image secondShot = grab(secondParent, second.width(), second.height());
    EXPECT_GE(firstShot.distinctColours(), 8U);
    EXPECT_GE(secondShot.distinctColours(), 8U);
    EXPECT_NE(firstShot.rgb, secondShot.rgb) << "the titles differ";

    const ConformancePoint point = conformancePoint(second);
    pointerTo(secondParent, point.x, point.y);
    pump({&first, &second}, 60ms);
    button(true);
    pump({&first, &second}, 60ms);
    pointerTo(secondParent, point.dragToX, point.y);
    pump({&first, &second}, 60ms);
    button(false);
    pump({&first, &second}, 100ms);
    EXPECT_TRUE(firstAccess.calls.empty());
    EXPECT_TRUE(secondAccess.isOneGesture(kGain));
    EXPECT_LT(secondAccess.values[kGain], 0.4F);

    first.close();
    pump(second, 60ms);
    EXPECT_TRUE(second.isOpen());
    EXPECT_GE(grab(secondParent, second.width(), second.height()).distinctColours(), 8U);
}

TEST_F(EditorTest, FollowsTheContentScaleAndTheParentsSize) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const int singleWidth = editor.width();
    editor.setContentScale(2.0F);
    EXPECT_EQ(editor.width(), 2 * singleWidth);
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Image twice = grab(parent, editor.width(), editor.height());
    saveScreenshot(twice, "editor-2x");
    EXPECT_GE(twice.distinctColours(), 8U);

    editor.setContentScale(1.5F);
    pump(editor, 100ms);
    auto child = editorWindow(parent);
    ASSERT_TRUE(child.has_value());
    EXPECT_EQ(child->width, editor.width());
    EXPECT_EQ(child->height, editor.height());

    editor.resize(600, 300);
    pump(editor, 100ms);
    child = editorWindow(parent);
    ASSERT_TRUE(child.has_value());
    EXPECT_EQ(child->width, 600);
    EXPECT_EQ(child->height, 300);
}

TEST_F(EditorTest, SurvivesTheHostDestroyingItsWindowFirst) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 100ms);
    XDestroyWindow(display_, parent);
    XSync(display_, False);
    parents_.clear();
    pump(editor, 100ms);  // Xlib's default error handler would end the process here.
    editor.resize(500, 300);
    editor.setContentScale(2.0F);
    pump(editor, 50ms);
    EXPECT_TRUE(editor.isOpen());
    editor.close();
    EXPECT_FALSE(editor.isOpen());
}

TEST_F(EditorTest, OpeningAndClosingAHundredTimesLeaksNothing) {
    RecordingAccess access;
    Editor editor{kParams, access, "VstKit"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    int cycles = 100;
    if (const char* override = std::getenv("VSTKIT_UI_OPEN_CLOSE_CYCLES")) {
        cycles = std::max(std::atoi(override), 12);
    }
    constexpr int kWarmUp = 10;
    constexpr long kMaxGrowthBytes = 1L << 20;
    const auto openAndClose = [&](int count) {
        for (int cycle = 0; cycle < count; ++cycle) {
            ASSERT_TRUE(editor.open(parent)) << "cycle " << cycle << ": " << editor.error();
            for (int frame = 0; frame < 3; ++frame) {
                editor.idle();
            }
            editor.close();
        }
    };
    openAndClose(kWarmUp);
    const int startDescriptors = openFileDescriptors();
    long startResident = residentBytes();
    openAndClose(cycles - kWarmUp);
    long growth = residentBytes() - startResident;
    RecordProperty("resident_growth_kib", static_cast<int>(growth / 1024));
    std::printf("%d open/close cycles after warm-up: resident memory %+ld KiB\n", cycles - kWarmUp,
                growth / 1024);
#if defined(__SANITIZE_ADDRESS__)
    // ASan keeps freed memory in quarantine, so resident size only grows;
    // its LeakSanitizer checks for leaks at exit instead.
    static_cast<void>(kMaxGrowthBytes);
#else
    // The allocator and the GL driver grow in steps of about 1 MiB, so one
    // round can cross the bound without a leak (it did once in 1088 KiB,
    // where +60 KiB is usual); a leak grows again in a second round.
    if (growth >= kMaxGrowthBytes) {
        const long firstGrowth = growth;
        startResident = residentBytes();
        openAndClose(cycles - kWarmUp);
        growth = residentBytes() - startResident;
        std::printf("a second round: resident memory %+ld KiB (the first %+ld KiB)\n",
                    growth / 1024, firstGrowth / 1024);
    }
    EXPECT_LT(growth, kMaxGrowthBytes)
        << "two rounds of " << (cycles - kWarmUp) << " cycles each grew memory, the second by "
        << growth / 1024 << " KiB";
#endif
    EXPECT_EQ(openFileDescriptors(), startDescriptors);
    EXPECT_FALSE(editorWindow(parent).has_value()) << "the last editor window is gone";
}

// The editor on a table with a row of every kind: a log, a linear and a skewed
// slider, a combo box, a stepped slider and a switch.
namespace every = protocol::testing;
using every::kEveryKindTable;

[[nodiscard]] int centreX(const Rect& rect) {
    return static_cast<int>(rect.centerX());
}
[[nodiscard]] int centreY(const Rect& rect) {
    return static_cast<int>(rect.centerY());
}

TEST(EditorLayout, AWideShortWindowReflowsRowsIntoColumnsInTableOrder) {
    const Size natural = naturalSize(kEveryKindTable, 1.0F);
    const Layout layout = computeLayout(kEveryKindTable, 1.0F, 900, 440);
    ASSERT_GT(natural.height, 440);  // One column would not fit.
    EXPECT_EQ(layout.columns, 2);
    EXPECT_LE(layout.contentHeight, 440);
    EXPECT_EQ(layout.maxScroll(), 0.0F);
    ASSERT_EQ(layout.rows.size(), kEveryKindTable.size());
    for (const auto& row : layout.rows) {
        EXPECT_LE(row.card.bottom(), 440.0F);
        EXPECT_LE(row.card.right(), 900.0F);
    }
    // The second column starts to the right of the first, with a later row.
    EXPECT_GT(layout.rows.back().card.x, layout.rows.front().card.right());
}

TEST(EditorLayout, ANarrowShortWindowScrollsOneColumnWithSlidersStretched) {
    const Layout narrow = computeLayout(kEveryKindTable, 1.0F, 480, 240);
    EXPECT_EQ(narrow.columns, 1);
    EXPECT_GT(narrow.maxScroll(), 0.0F);
    const Layout scrolled = computeLayout(kEveryKindTable, 1.0F, 480, 240, 60.0F);
    EXPECT_EQ(scrolled.scroll, 60.0F);
    EXPECT_EQ(scrolled.rows[0].card.y, narrow.rows[0].card.y - 60.0F);
    const Layout clamped = computeLayout(kEveryKindTable, 1.0F, 480, 240, 1e9F);
    EXPECT_EQ(clamped.scroll, clamped.maxScroll());
    EXPECT_EQ(computeLayout(kEveryKindTable, 1.0F, 480, 240, -5.0F).scroll, 0.0F);
    // A wider single column stretches its sliders.
    const Layout wide = computeLayout(kParams, 1.0F, 900, 400);
    EXPECT_EQ(wide.columns, 1);
    EXPECT_GT(wide.rows[kGain].control.width,
              computeLayout(kParams, 1.0F, 480, 400).rows[kGain].control.width + 300.0F);
}

TEST(EditorLayout, TheMinimumHoldsTheHeaderAndTheTallestRow) {
    const Size minimum = minimumSize(kParams, 1.0F);
    EXPECT_EQ(minimum.width, 320);
    const Layout layout = computeLayout(kParams, 1.0F, minimum.width, minimum.height);
    EXPECT_LE(layout.rows[kGain].card.bottom(), static_cast<float>(minimum.height));
    const Size doubled = minimumSize(kParams, 2.0F);
    EXPECT_EQ(doubled.width, 2 * minimum.width);
    EXPECT_EQ(doubled.height, 2 * minimum.height);
}

TEST(EditorSize, ResizeTakesSizesFromTheMinimumUpAndRefusesSmaller) {
    RecordingAccess access{kParams};
    Editor editor{kParams, access, "VstKit"};
    EXPECT_EQ(editor.currentWidth(), editor.width());
    EXPECT_TRUE(editor.resize(900, 400));
    EXPECT_EQ(editor.currentWidth(), 900);
    EXPECT_EQ(editor.currentHeight(), 400);
    EXPECT_FALSE(editor.resize(editor.minimumWidth() - 1, 400));
    EXPECT_FALSE(editor.resize(900, editor.minimumHeight() - 1));
    EXPECT_EQ(editor.currentWidth(), 900);
    EXPECT_EQ(editor.currentHeight(), 400);
    int width = 10;
    int height = 10;
    editor.constrain(width, height);
    EXPECT_EQ(width, editor.minimumWidth());
    EXPECT_EQ(height, editor.minimumHeight());
    editor.setContentScale(2.0F);  // A new scale starts from the natural size.
    EXPECT_EQ(editor.currentWidth(), editor.width());
    EXPECT_EQ(editor.minimumWidth(), 640);
}

TEST(EditorLayout, EveryKindGetsItsRowAndTheComboListFitsBelowItsBox) {
    const Size size = naturalSize(kEveryKindTable, 1.0F);
    const Layout layout = computeLayout(kEveryKindTable, 1.0F, size.width);
    ASSERT_EQ(layout.rows.size(), kEveryKindTable.size());
    const RowLayout& mode = layout.rows[every::kMode];
    EXPECT_LT(mode.card.height, layout.rows[every::kCutoff].card.height);
    EXPECT_GT(mode.card.height, layout.rows[every::kBypass].card.height);
    EXPECT_TRUE(mode.card.contains(mode.control.x, mode.control.y));
    EXPECT_TRUE(mode.card.contains(mode.control.right() - 1.0F, mode.control.bottom() - 1.0F));
    EXPECT_GT(mode.control.x, mode.label.x + 60.0F) << "the name stays readable";
    const Rect lastItem = ComboRow::listItem(mode, 1.0F, layout.bodyFontSize, 3);
    EXPECT_GT(lastItem.y, mode.control.bottom());
    EXPECT_LT(lastItem.bottom(), static_cast<float>(size.height));
    EXPECT_LE(size.height, 800) << "fits the test screen";
}

TEST_F(EditorTest, ChoosingAComboItemIsOneGestureWithItsNormalizedValue) {
    RecordingAccess access{kEveryKindTable};
    Editor editor{kEveryKindTable, access, "Every Kind"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Layout layout = computeLayout(kEveryKindTable, 1.0F, editor.width());
    const RowLayout& mode = layout.rows[every::kMode];
    const Rect bandPass = ComboRow::listItem(mode, 1.0F, layout.bodyFontSize, 2);
    const Image closed = grab(parent, editor.width(), editor.height());

    click(editor, parent, centreX(mode.control), centreY(mode.control));
    pump(editor, 100ms);
    EXPECT_TRUE(access.calls.empty()) << "opening the list changes nothing";
    pointerTo(parent, centreX(bandPass), centreY(bandPass));  // Hover it, as a person would.
    pump(editor, 100ms);
    const Image open = grab(parent, editor.width(), editor.height());
    saveScreenshot(open, "editor-combo-open");
    std::size_t changed = 0;
    for (int y = static_cast<int>(bandPass.y); y < static_cast<int>(bandPass.bottom()); ++y) {
        for (int x = static_cast<int>(bandPass.x); x < static_cast<int>(bandPass.right()); ++x) {
            const auto at = static_cast<std::size_t>(y * open.width + x);
            changed += open.rgb[at] != closed.rgb[at] ? 1U : 0U;
        }
    }
    EXPECT_GT(changed, 100U) << "the list is drawn where listItem() says";

    click(editor, parent, centreX(bandPass), centreY(bandPass));
    pump(editor, 100ms);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Begin, every::kMode), 1);
    EXPECT_EQ(access.count(RecordingAccess::Kind::Perform, every::kMode), 1);
    EXPECT_EQ(access.count(RecordingAccess::Kind::End, every::kMode), 1);
    EXPECT_TRUE(access.isOneGesture(every::kMode));
    ASSERT_TRUE(access.lastPerformed(every::kMode).has_value());
    const float bandPassNormalized = protocol::toNormalized(kEveryKindTable[every::kMode], 2.0F);
    EXPECT_FLOAT_EQ(*access.lastPerformed(every::kMode), bandPassNormalized);
    EXPECT_EQ(access.calls.size(), 3U) << "no other row was touched";
    saveScreenshot(grab(parent, editor.width(), editor.height()), "editor-every-kind");

    // Picking the label already shown sends nothing.
    access.calls.clear();
    click(editor, parent, centreX(mode.control), centreY(mode.control));
    pump(editor, 100ms);
    click(editor, parent, centreX(bandPass), centreY(bandPass));
    pump(editor, 100ms);
    EXPECT_TRUE(access.calls.empty());
    EXPECT_FLOAT_EQ(access.values[every::kMode], bandPassNormalized);
}

TEST_F(EditorTest, ASteppedSliderSendsOnlyWholeSteps) {
    RecordingAccess access{kEveryKindTable};
    Editor editor{kEveryKindTable, access, "Every Kind"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Layout layout = computeLayout(kEveryKindTable, 1.0F, editor.width());
    const Rect& track = layout.rows[every::kTranspose].control;

    // A third of the track to the right: 8 of its 24 steps.
    const int from = centreX(track);
    drag(editor, parent, from, from + static_cast<int>(track.width / 3.0F), centreY(track));
    EXPECT_TRUE(access.isOneGesture(every::kTranspose));
    EXPECT_GE(access.count(RecordingAccess::Kind::Perform, every::kTranspose), 2);
    for (const auto& call : access.calls) {
        if (call.kind == RecordingAccess::Kind::Perform) {
            const float steps = call.value * 24.0F;
            EXPECT_NEAR(steps, std::round(steps), 1e-4F) << call.value;
        }
    }
    const float plain = protocol::fromNormalized(kEveryKindTable[every::kTranspose],
                                                 access.values[every::kTranspose]);
    EXPECT_GE(plain, 7.0F);
    EXPECT_LE(plain, 9.0F);
}

TEST_F(EditorTest, ALogarithmicSliderMovesInNormalizedSpace) {
    RecordingAccess access{kEveryKindTable};
    Editor editor{kEveryKindTable, access, "Every Kind"};
    const Window parent = makeParent(0, 0, editor.width(), editor.height());
    ASSERT_TRUE(editor.open(parent)) << editor.error();
    pump(editor, 200ms);
    const Layout layout = computeLayout(kEveryKindTable, 1.0F, editor.width());
    const Rect& track = layout.rows[every::kCutoff].control;
    const float before = access.values[every::kCutoff];  // 1 kHz, at 0.566

    // A quarter of the knob's travel to the left: a quarter of normalized 0..1,
    // which on a logarithmic scale is 1000 Hz / 1000^0.25 = 178 Hz.
    const float knobTravel = track.width - 16.0F;
    const int from = centreX(track);
    drag(editor, parent, from, from - static_cast<int>(std::lround(knobTravel / 4.0F)),
         centreY(track));
    EXPECT_TRUE(access.isOneGesture(every::kCutoff));
    EXPECT_NEAR(access.values[every::kCutoff], before - 0.25F, 0.01F);
    const float hertz =
        protocol::fromNormalized(kEveryKindTable[every::kCutoff], access.values[every::kCutoff]);
    EXPECT_NEAR(hertz, 178.0F, 15.0F);
}

}  // namespace
}  // namespace vstkit::ui
