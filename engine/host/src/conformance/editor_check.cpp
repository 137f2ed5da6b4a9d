#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>

#include "check.h"
#include "pluginterfaces/gui/iplugview.h"
#include "pluginterfaces/gui/iplugviewcontentscalesupport.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "png_writer.h"
#include "process_memory.h"
#include "signal.h"
#include "vst3/plug_frame.h"
#include "vst3/plugin_instance.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::host::conformance {

using namespace Steinberg;
using namespace std::chrono_literals;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// ASan keeps freed memory in quarantine, so resident size only grows; its
// LeakSanitizer checks for leaks at exit instead.
constexpr bool kResidentSizeIsMeaningful = false;
#else
constexpr bool kResidentSizeIsMeaningful = true;
#endif

/// A top-level X11 window the editor embeds into, as a DAW's plugin window.
class HostWindow final {
  public:
    HostWindow(Display* display, int width, int height) : display_(display) {
        const int screen = DefaultScreen(display);
        window_ = XCreateSimpleWindow(display, RootWindow(display, screen), 0, 0,
                                      static_cast<unsigned>(width), static_cast<unsigned>(height),
                                      0, BlackPixel(display, screen), BlackPixel(display, screen));
        XStoreName(display, window_, "vstkit-host editor check");
        XMapWindow(display, window_);
        XSync(display, False);
    }
    ~HostWindow() {
        XDestroyWindow(display_, window_);
        XSync(display_, False);
    }
    HostWindow(const HostWindow&) = delete;
    HostWindow& operator=(const HostWindow&) = delete;
    HostWindow(HostWindow&&) = delete;
    HostWindow& operator=(HostWindow&&) = delete;

    [[nodiscard]] Window id() const noexcept { return window_; }

  private:
    Display* display_;
    Window window_;
};

/// An editor view attached to a host window, detached on destruction.
class AttachedView final {
  public:
    AttachedView(PluginInstance& instance, PlugFrame& frame, Window window) {
        view_ = owned(instance.controller().createView(Vst::ViewType::kEditor));
        if (!view_) {
            return;
        }
        supported_ = view_->isPlatformTypeSupported(kPlatformTypeX11EmbedWindowID) == kResultTrue;
        view_->setFrame(&frame);
        attached_ = supported_ && view_->attached(reinterpret_cast<void*>(window),
                                                  kPlatformTypeX11EmbedWindowID) == kResultOk;
    }
    ~AttachedView() {
        if (view_) {
            if (attached_) {
                view_->removed();
            }
            view_->setFrame(nullptr);
        }
    }
    AttachedView(const AttachedView&) = delete;
    AttachedView& operator=(const AttachedView&) = delete;
    AttachedView(AttachedView&&) = delete;
    AttachedView& operator=(AttachedView&&) = delete;

    [[nodiscard]] IPlugView* view() const noexcept { return view_; }
    [[nodiscard]] bool supported() const noexcept { return supported_; }
    [[nodiscard]] bool attached() const noexcept { return attached_; }

  private:
    IPtr<IPlugView> view_;
    bool supported_ = false;
    bool attached_ = false;
};

struct Screenshot {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
    std::size_t distinctColours = 0;
};

Screenshot grab(Display* display, Window window, int width, int height) {
    Screenshot shot{width, height, {}, 0};
    XImage* image = XGetImage(display, window, 0, 0, static_cast<unsigned>(width),
                              static_cast<unsigned>(height), AllPlanes, ZPixmap);
    if (image == nullptr) {
        return shot;
    }
    std::set<unsigned long> colours;
    shot.rgb.reserve(static_cast<std::size_t>(width * height * 3));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const unsigned long pixel = XGetPixel(image, x, y);
            colours.insert(pixel);
            shot.rgb.push_back(static_cast<std::uint8_t>((pixel & image->red_mask) >> 16));
            shot.rgb.push_back(static_cast<std::uint8_t>((pixel & image->green_mask) >> 8));
            shot.rgb.push_back(static_cast<std::uint8_t>(pixel & image->blue_mask));
        }
    }
    shot.distinctColours = colours.size();
    XDestroyImage(image);
    return shot;
}

/// Presses the left button at (fromX, y), drags to (toX, y) and releases,
/// through XTest: the X server sees it exactly as a person's mouse.
void dragWithMouse(Display* display, PlugFrame& frame, int fromX, int toX, int y) {
    XTestFakeMotionEvent(display, -1, fromX, y, CurrentTime);
    XFlush(display);
    frame.pump(60ms);
    XTestFakeButtonEvent(display, 1, True, CurrentTime);
    XFlush(display);
    frame.pump(60ms);
    constexpr int kSteps = 8;
    for (int step = 1; step <= kSteps; ++step) {
        XTestFakeMotionEvent(display, -1, fromX + (toX - fromX) * step / kSteps, y, CurrentTime);
        XFlush(display);
        frame.pump(30ms);
    }
    XTestFakeButtonEvent(display, 1, False, CurrentTime);
    XFlush(display);
    frame.pump(150ms);
}

}  // namespace

CheckResult checkEditor(SuiteContext& context) {
    const char* displayName = std::getenv("DISPLAY");
    if (displayName == nullptr || *displayName == '\0') {
        return CheckResult::fail("no X display: run under xvfb-run, or pass --no-editor");
    }
    const std::unique_ptr<Display, int (*)(Display*)> display{XOpenDisplay(nullptr),
                                                              &XCloseDisplay};
    if (!display) {
        return CheckResult::fail(std::string{"cannot open X display "} + displayName);
    }
    int xtestEvent = 0;
    int xtestError = 0;
    int xtestMajor = 0;
    int xtestMinor = 0;
    if (!XTestQueryExtension(display.get(), &xtestEvent, &xtestError, &xtestMajor, &xtestMinor)) {
        return CheckResult::fail("the X server lacks the XTest extension");
    }
    xdisplay::internWindowManagerAtoms(display.get());

    PluginInstance instance{context.module, context.module.firstClassOf(kVstAudioEffectClass),
                            context.host};
    const auto gain = gainParameter(instance);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    PlugFrame* const frame = &PlugFrame::hostRunLoop();
    // Runs on every return, after the views are gone: the host's run loop ends.
    const struct RunLoopShutDown {
        PlugFrame& frame;
        ~RunLoopShutDown() { frame.shutDown(); }
    } runLoopShutDown{*frame};

    ViewRect size{};
    std::string contentScale = "; no content-scale support";
    int width = 0;
    int height = 0;
    {
        HostWindow window{display.get(), 800, 600};
        AttachedView editor{instance, *frame, window.id()};
        if (editor.view() == nullptr) {
            return CheckResult::fail("createView(\"editor\") returned nothing");
        }
        if (!editor.supported()) {
            return CheckResult::fail("the view does not support X11EmbedWindowID");
        }
        if (!editor.attached()) {
            return CheckResult::fail("attached() failed");
        }
        editor.view()->getSize(&size);
        width = size.getWidth();
        height = size.getHeight();
        if (width < 100 || height < 50) {
            return CheckResult::fail("the editor is " + std::to_string(width) + "x" +
                                     std::to_string(height));
        }
        XResizeWindow(display.get(), window.id(), static_cast<unsigned>(width),
                      static_cast<unsigned>(height));
        XSync(display.get(), False);
        frame->pump(700ms);
        if (frame->eventHandlerCount() == 0 && frame->timerCount() == 0) {
            return CheckResult::fail("the editor registered nothing with the host's IRunLoop");
        }

        const auto shot = grab(display.get(), window.id(), width, height);
        const auto png = context.outputDirectory / "editor.png";
        if (!writePng(png, shot.width, shot.height, shot.rgb)) {
            return CheckResult::fail("cannot write " + png.string());
        }
        if (shot.distinctColours < 8) {
            return CheckResult::fail("the editor drew nothing (" +
                                     std::to_string(shot.distinctColours) + " colours); see " +
                                     png.string());
        }

        // The placeholder editor's slider spans the width at about 70% of the
        // height; drag it from the middle to a quarter.
        const double before = instance.controller().getParamNormalized(*gain);
        instance.handler().clear();
        dragWithMouse(display.get(), *frame, width / 2, width / 4, height * 7 / 10);
        const double after = instance.controller().getParamNormalized(*gain);
        int begins = 0;
        int performs = 0;
        int ends = 0;
        for (const auto& event : instance.handler().events()) {
            if (event.id != *gain) {
                continue;
            }
            begins += event.kind == ComponentHandler::Kind::BeginEdit ? 1 : 0;
            performs += event.kind == ComponentHandler::Kind::PerformEdit ? 1 : 0;
            ends += event.kind == ComponentHandler::Kind::EndEdit ? 1 : 0;
        }
        if (begins != 1 || performs < 1 || ends != 1) {
            return CheckResult::fail("a mouse drag on the slider gave " + std::to_string(begins) +
                                     " beginEdit, " + std::to_string(performs) + " performEdit, " +
                                     std::to_string(ends) + " endEdit for Gain");
        }
        if (!(after < before - 0.1)) {
            return CheckResult::fail("dragging left moved Gain from " + formatDouble(before) +
                                     " to " + formatDouble(after));
        }

        // Hosts on high-DPI screens set a content scale; an editor that
        // supports it must grow with it (and ask the frame to resize).
        FUnknownPtr<IPlugViewContentScaleSupport> scaling{editor.view()};
        if (scaling) {
            const int resizesBefore = frame->resizeRequests();
            if (scaling->setContentScaleFactor(2.0F) != kResultOk) {
                return CheckResult::fail("setContentScaleFactor(2) was refused");
            }
            ViewRect scaled{};
            editor.view()->getSize(&scaled);
            if (scaled.getWidth() != 2 * width || scaled.getHeight() != 2 * height) {
                return CheckResult::fail(
                    "at content scale 2 the editor is " + std::to_string(scaled.getWidth()) + "x" +
                    std::to_string(scaled.getHeight()) + ", not " + std::to_string(2 * width) +
                    "x" + std::to_string(2 * height));
            }
            if (frame->resizeRequests() == resizesBefore) {
                return CheckResult::fail("a new content scale did not ask the host to resize");
            }
            scaling->setContentScaleFactor(1.0F);
            contentScale = "; content scale 2 gives " + std::to_string(scaled.getWidth()) + "x" +
                           std::to_string(scaled.getHeight());
        }
    }

    constexpr int kCycles = 50;
    constexpr long kMaxGrowthBytes = 4L << 20;
    long startResident = 0;
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        if (cycle == 5) {
            startResident = residentBytes();  // After caches (fonts, images) have filled.
        }
        HostWindow window{display.get(), width, height};
        AttachedView editor{instance, *frame, window.id()};
        if (!editor.attached()) {
            return CheckResult::fail("attach failed on open/close cycle " +
                                     std::to_string(cycle + 1));
        }
        frame->pump(20ms);
    }
    frame->pump(100ms);
    const long growth = residentBytes() - startResident;
    if (kResidentSizeIsMeaningful && growth > kMaxGrowthBytes) {
        return CheckResult::fail(std::to_string(kCycles) + " open/close cycles grew memory by " +
                                 std::to_string(growth / 1024) + " KiB");
    }
    const std::string memory = kResidentSizeIsMeaningful
                                   ? "memory " + std::string{growth >= 0 ? "+" : ""} +
                                         std::to_string(growth / 1024) + " KiB (bound " +
                                         std::to_string(kMaxGrowthBytes >> 10) + " KiB)"
                                   : std::string{"leaks left to LeakSanitizer (ASan build)"};
    return CheckResult::pass(
        std::to_string(width) + "x" + std::to_string(height) + " X11-embedded editor; screenshot " +
        (context.outputDirectory / "editor.png").string() +
        "; XTest drag gave begin/perform/end edits, Gain 0.50 -> " +
        formatDouble(instance.controller().getParamNormalized(*gain), 3) + contentScale + "; " +
        std::to_string(kCycles) + " open/close cycles, " + memory);
}

}  // namespace vstkit::host::conformance
