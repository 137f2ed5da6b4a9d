// The built LV2 editor binary, embedded in a host window under a virtual X
// display and worked with XTest's mouse, the way a person uses it in a host.
#include <gtest/gtest.h>
// After gtest: Xlib defines macros (None, Bool) that gtest uses as names.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
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

    /// Pumps until the gain's web page has drawn its slider (its teal fill)
    /// in `widget`: the page runs in a helper process and paints in about a
    /// second. False after 15 s.
    bool waitForPage(LV2UI_Handle ui, LV2UI_Widget widget) {
        const auto deadline = std::chrono::steady_clock::now() + 15s;
        while (std::chrono::steady_clock::now() < deadline) {
            pump(ui, 100ms);
            XImage* image = XGetImage(x_.get(), reinterpret_cast<Window>(widget), 0, 0,
                                      static_cast<unsigned>(record_.width),
                                      static_cast<unsigned>(record_.height), AllPlanes, ZPixmap);
            if (image == nullptr) {
                continue;
            }
            int teal = 0;
            for (int y = 0; y < image->height; y += 2) {
                for (int x = 0; x < image->width; x += 2) {
                    const unsigned long pixel = XGetPixel(image, x, y);
                    const long red = static_cast<long>((pixel >> 16U) & 0xFFU);
                    const long green = static_cast<long>((pixel >> 8U) & 0xFFU);
                    const long blue = static_cast<long>(pixel & 0xFFU);
                    teal += green - red > 40 && blue - red > 40 ? 1 : 0;
                }
            }
            XDestroyImage(image);
            if (teal > 20) {
                pump(ui, 200ms);
                return true;
            }
        }
        return false;
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
    // The size the gain's web page is designed for.
    EXPECT_EQ(record_.width, 460);
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
    EXPECT_EQ(resize->ui_resize(ui, 276, 144), 0);  // The gain's minimum at scale 1.
    pump(ui, 200ms);
    EXPECT_EQ(widgetSize(), (std::pair{276, 144}));
    EXPECT_NE(resize->ui_resize(ui, 275, 144), 0);
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
    ASSERT_TRUE(waitForPage(ui, widget)) << "the web page never drew its slider";
    // The gain slider spans the panel at 57% of the height: drag it from
    // the middle (0 dB) to a quarter.
    drag(ui, record_.width / 2, record_.width / 4, record_.height * 57 / 100);
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
