// The built LV2 editor binary, embedded in a host window under a virtual X
// display and worked with XTest's mouse, the way a person uses it in a host.
#include <gtest/gtest.h>
// After gtest: Xlib defines macros (None, Bool) that gtest uses as names.
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include <lv2/ui/ui.h>

#include "lv2_test_host.h"
#include "plugin.h"
#include "vstkit/formats/lv2/port_layout.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::lv2_tests {
namespace {

using namespace std::chrono_literals;
using formats::lv2::controlPortIndex;

const std::uint32_t kGainPort = controlPortIndex(vstkit::core::kStereo, vstkit_gain::kGain);

/// One private Xvfb for the whole run: XTest moves the pointer, which must
/// never be the pointer of the desktop the tests were started from.
class PrivateXServer final : public ::testing::Environment {
  public:
    void SetUp() override {
        unsetenv("DISPLAY");
        display_ = std::make_unique<xdisplay::VirtualDisplay>();
    }
    void TearDown() override { display_.reset(); }
    [[nodiscard]] static bool available() { return display_ && display_->available(); }

  private:
    static inline std::unique_ptr<xdisplay::VirtualDisplay> display_;
};

[[maybe_unused]] const auto* const kServer =
    ::testing::AddGlobalTestEnvironment(new PrivateXServer);

/// What the editor told its host.
struct HostRecord {
    struct Write {
        std::uint32_t port;
        float value;
    };
    std::vector<Write> writes;
    std::vector<std::pair<std::uint32_t, bool>> touches;
    int width = 0;
    int height = 0;
};

void recordWrite(LV2UI_Controller controller, std::uint32_t port, std::uint32_t size,
                 std::uint32_t format, const void* buffer) {
    ASSERT_EQ(format, 0U);
    ASSERT_EQ(size, sizeof(float));
    float value = 0.0F;
    std::memcpy(&value, buffer, sizeof value);
    static_cast<HostRecord*>(controller)->writes.push_back({port, value});
}

void recordTouch(LV2UI_Feature_Handle handle, std::uint32_t port, bool grabbed) {
    static_cast<HostRecord*>(handle)->touches.emplace_back(port, grabbed);
}

int recordResize(LV2UI_Feature_Handle handle, int width, int height) {
    auto& record = *static_cast<HostRecord*>(handle);
    record.width = width;
    record.height = height;
    return 0;
}

class Lv2Editor : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(PrivateXServer::available()) << "no Xvfb (Debian package xvfb)";
        x_.reset(XOpenDisplay(nullptr));
        ASSERT_TRUE(x_);
        int event = 0;
        int error = 0;
        int major = 0;
        int minor = 0;
        ASSERT_TRUE(XTestQueryExtension(x_.get(), &event, &error, &major, &minor));
        parent_ =
            XCreateSimpleWindow(x_.get(), DefaultRootWindow(x_.get()), 0, 0, 800, 600, 0, 0, 0);
        XMapWindow(x_.get(), parent_);
        XSync(x_.get(), False);
        ASSERT_TRUE(module_.loaded()) << module_.error();
        const auto entry = reinterpret_cast<const LV2UI_Descriptor* (*)(std::uint32_t)>(
            module_.symbol("lv2ui_descriptor"));
        ASSERT_NE(entry, nullptr);
        descriptor_ = entry(0);
        ASSERT_NE(descriptor_, nullptr);
        idle_ = static_cast<const LV2UI_Idle_Interface*>(
            descriptor_->extension_data(LV2_UI__idleInterface));
        ASSERT_NE(idle_, nullptr);
    }

    void TearDown() override {
        if (x_ && parent_ != 0) {
            XDestroyWindow(x_.get(), parent_);
            XSync(x_.get(), False);
        }
    }

    LV2UI_Handle instantiate(LV2UI_Widget* widget, bool withParent = true) {
        std::vector<const LV2_Feature*> features{urids_.feature(), &resizeFeature_, &touchFeature_};
        if (withParent) {
            features.push_back(&parentFeature_);
        }
        features.push_back(nullptr);
        return descriptor_->instantiate(descriptor_, "https://vstkit.dev/plugins/vstkit-gain", "",
                                        recordWrite, &record_, widget, features.data());
    }

    // The host's run loop: idle about 30 times a second.
    void pump(LV2UI_Handle ui, std::chrono::milliseconds duration) {
        const auto end = std::chrono::steady_clock::now() + duration;
        while (std::chrono::steady_clock::now() < end) {
            EXPECT_EQ(idle_->idle(ui), 0);
            std::this_thread::sleep_for(15ms);
        }
    }

    void drag(LV2UI_Handle ui, int fromX, int toX, int y) {
        XTestFakeMotionEvent(x_.get(), -1, fromX, y, CurrentTime);
        XFlush(x_.get());
        pump(ui, 60ms);
        XTestFakeButtonEvent(x_.get(), 1, True, CurrentTime);
        XFlush(x_.get());
        pump(ui, 60ms);
        for (int step = 1; step <= 8; ++step) {
            XTestFakeMotionEvent(x_.get(), -1, fromX + (toX - fromX) * step / 8, y, CurrentTime);
            XFlush(x_.get());
            pump(ui, 30ms);
        }
        XTestFakeButtonEvent(x_.get(), 1, False, CurrentTime);
        XFlush(x_.get());
        pump(ui, 150ms);
    }

    std::unique_ptr<Display, int (*)(Display*)> x_{nullptr, &XCloseDisplay};
    Window parent_ = 0;
    Lv2Module module_{VSTKIT_LV2_BUNDLE, "VstKit_ui.so"};
    const LV2UI_Descriptor* descriptor_ = nullptr;
    const LV2UI_Idle_Interface* idle_ = nullptr;
    UridMap urids_;
    HostRecord record_;
    LV2UI_Resize resize_{&record_, recordResize};
    LV2UI_Touch touch_{&record_, recordTouch};
    LV2_Feature resizeFeature_{LV2_UI__resize, &resize_};
    LV2_Feature touchFeature_{LV2_UI__touch, &touch_};
    LV2_Feature parentFeature_{LV2_UI__parent, reinterpret_cast<void*>(parent_)};
};

TEST_F(Lv2Editor, EmbedsInTheParentAndAsksForItsSize) {
    parentFeature_.data = reinterpret_cast<void*>(parent_);
    LV2UI_Widget widget = nullptr;
    LV2UI_Handle ui = instantiate(&widget);
    ASSERT_NE(ui, nullptr);
    pump(ui, 300ms);
    EXPECT_EQ(record_.width, 480);
    EXPECT_EQ(record_.height, 240);
    Window root = 0;
    Window parentOfWidget = 0;
    Window* children = nullptr;
    unsigned count = 0;
    ASSERT_NE(XQueryTree(x_.get(), reinterpret_cast<Window>(widget), &root, &parentOfWidget,
                         &children, &count),
              0);
    if (children != nullptr) {
        XFree(children);
    }
    EXPECT_EQ(parentOfWidget, parent_);
    descriptor_->cleanup(ui);
}

// ui:resize the other way: the host resizes our widget through the UI's own
// resize interface. A size from the minimum up is taken (the widget follows),
// one below it refused (non-zero) with the widget left as it was.
TEST_F(Lv2Editor, TheHostResizesItDownToItsMinimumAndNoFurther) {
    parentFeature_.data = reinterpret_cast<void*>(parent_);
    LV2UI_Widget widget = nullptr;
    LV2UI_Handle ui = instantiate(&widget);
    ASSERT_NE(ui, nullptr);
    const auto* resize =
        static_cast<const LV2UI_Resize*>(descriptor_->extension_data(LV2_UI__resize));
    ASSERT_NE(resize, nullptr);
    pump(ui, 200ms);
    const auto widgetSize = [&] {
        Window root = 0;
        int x = 0;
        int y = 0;
        unsigned width = 0;
        unsigned height = 0;
        unsigned border = 0;
        unsigned depth = 0;
        XGetGeometry(x_.get(), reinterpret_cast<Window>(widget), &root, &x, &y, &width, &height,
                     &border, &depth);
        return std::pair{static_cast<int>(width), static_cast<int>(height)};
    };
    EXPECT_EQ(resize->ui_resize(ui, 900, 400), 0);
    pump(ui, 200ms);
    EXPECT_EQ(widgetSize(), (std::pair{900, 400}));
    EXPECT_NE(resize->ui_resize(ui, 100, 50), 0);
    pump(ui, 200ms);
    EXPECT_EQ(widgetSize(), (std::pair{900, 400}));
    EXPECT_EQ(resize->ui_resize(ui, 320, 196), 0);  // The gain's minimum at scale 1.
    pump(ui, 200ms);
    EXPECT_EQ(widgetSize(), (std::pair{320, 196}));
    descriptor_->cleanup(ui);
}

TEST_F(Lv2Editor, AMouseDragWritesTheGainPortInsideATouch) {
    parentFeature_.data = reinterpret_cast<void*>(parent_);
    LV2UI_Widget widget = nullptr;
    LV2UI_Handle ui = instantiate(&widget);
    ASSERT_NE(ui, nullptr);
    // The host tells the editor the current value, as it does after instantiate.
    const float current = 0.0F;
    descriptor_->port_event(ui, kGainPort, sizeof current, 0, &current);
    pump(ui, 500ms);
    // The gain slider spans the width at about 70% of the height: drag it
    // from the middle (0 dB) to a quarter.
    drag(ui, record_.width / 2, record_.width / 4, record_.height * 7 / 10);
    int gainWrites = 0;
    float last = current;
    for (const auto& write : record_.writes) {
        EXPECT_EQ(write.port, kGainPort);
        if (write.port == kGainPort) {
            ++gainWrites;
            last = write.value;
        }
    }
    EXPECT_GE(gainWrites, 1);
    EXPECT_LT(last, -6.0F);
    EXPECT_GE(last, -24.0F);
    const std::vector<std::pair<std::uint32_t, bool>> touches{{kGainPort, true},
                                                              {kGainPort, false}};
    EXPECT_EQ(record_.touches, touches);
    descriptor_->cleanup(ui);
}

TEST_F(Lv2Editor, RefusesAHostWithoutAParentWindow) {
    LV2UI_Widget widget = nullptr;
    EXPECT_EQ(instantiate(&widget, false), nullptr);
}

}  // namespace
}  // namespace vstkit::lv2_tests
