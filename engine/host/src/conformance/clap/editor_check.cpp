#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "conformance/editor_drag.h"
#include "conformance/fault_list.h"
#include "conformance/host_window.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"
#include "conformance/png_writer.h"
#include "conformance/screenshot.h"
#include "conformance/toolkit_isolation.h"
#include "vstkit/xdisplay/virtual_display.h"

namespace vstkit::host::conformance {

using namespace std::chrono_literals;

namespace {

constexpr auto kFirstPaintWait = std::chrono::milliseconds(8000);

constexpr int kCycles = 10;
// No screen is larger; a size beyond it is garbage.
constexpr std::uint32_t kMaxEditorSide = 16384;

std::string sizeText(std::uint32_t width, std::uint32_t height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

/// What the plugin left registered with the host loop, e.g. "2 fds, 1 timer".
std::string registeredText(const ClapHost& host) {
    return std::to_string(host.fds().size()) + " fds and " + std::to_string(host.timers().size()) +
           " timers";
}

/// The editor on screen, as a DAW's plugin window holds it: created,
/// parented to a host window, shown; hidden and destroyed on destruction.
class OpenEditor final {
  public:
    OpenEditor(ClapInstance& instance, Display* display, std::uint32_t width, std::uint32_t height)
        : instance_(instance),
          gui_(*instance.extensions().gui),
          window_(display, static_cast<int>(width), static_cast<int>(height)) {
        created_ = gui_.create(&instance.plugin(), clap_abi::kWindowApiX11, false);
    }
    ~OpenEditor() {
        if (created_) {
            if (shown_) {
                (void)gui_.hide(&instance_.plugin());
            }
            gui_.destroy(&instance_.plugin());
        }
    }
    OpenEditor(const OpenEditor&) = delete;
    OpenEditor& operator=(const OpenEditor&) = delete;
    OpenEditor(OpenEditor&&) = delete;
    OpenEditor& operator=(OpenEditor&&) = delete;

    [[nodiscard]] bool created() const noexcept { return created_; }
    /// set_parent to the host window.
    [[nodiscard]] bool attach() {
        clap_abi::Window parent{};
        parent.api = clap_abi::kWindowApiX11;
        parent.x11 = window_.id();
        return created_ && gui_.setParent(&instance_.plugin(), &parent);
    }
    [[nodiscard]] bool show() { return shown_ = gui_.show(&instance_.plugin()); }
    [[nodiscard]] bool hide() {
        const bool hidden = gui_.hide(&instance_.plugin());
        shown_ = shown_ && !hidden;
        return hidden;
    }
    [[nodiscard]] HostWindow& window() noexcept { return window_; }

  private:
    ClapInstance& instance_;
    const clap_abi::PluginGui& gui_;
    HostWindow window_;
    bool created_ = false;
    bool shown_ = false;
};

/// The host loop, and a resize the plugin asked for applied to the window.
void pumpWith(ClapInstance& instance, HostWindow* window, std::chrono::milliseconds duration) {
    instance.pump(duration);
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    if (window != nullptr && instance.host().takeResizeRequest(width, height)) {
        window->resize(static_cast<int>(width), static_cast<int>(height));
    }
}

/// --drag-parameter: a mouse drag to the left must send gesture begin, some
/// values and gesture end for the parameter (through process or a flush the
/// plugin asked for), and lower it.
std::string dragAcross(Display* display, ClapInstance& instance, HostWindow& window,
                       const EditorDrag& drag, std::uint32_t width, std::uint32_t height,
                       FaultList& faults) {
    int event = 0;
    int error = 0;
    int major = 0;
    int minor = 0;
    if (!XTestQueryExtension(display, &event, &error, &major, &minor)) {
        faults.add("--drag-parameter needs the XTest extension, which this X server lacks");
        return {};
    }
    const auto info = instance.findParameter(drag.parameter);
    if (!info) {
        faults.add("--drag-parameter: the plugin has no parameter '" + drag.parameter + "'");
        return {};
    }
    const std::string name = nameOf(*info);
    const double before = instance.value(info->id).value_or(0.0);
    const int flushesBefore = instance.host().counts().flushRequests.load();
    instance.outputEvents().clear();
    dragWithMouse(
        display, [&](std::chrono::milliseconds duration) { pumpWith(instance, &window, duration); },
        static_cast<int>(width / 2), static_cast<int>(width / 4),
        static_cast<int>(drag.heightFraction * height));
    pumpWith(instance, &window, 200ms);
    const double after = instance.value(info->id).value_or(before);
    const auto& events = instance.outputEvents();
    const int begins = events.count(clap_abi::kEventParamGestureBegin, info->id);
    const int values = events.count(clap_abi::kEventParamValue, info->id);
    const int ends = events.count(clap_abi::kEventParamGestureEnd, info->id);
    const int flushes = instance.host().counts().flushRequests.load() - flushesBefore;
    if (begins != 1 || values < 1 || ends != 1) {
        faults.add("a mouse drag across the editor gave " + std::to_string(begins) +
                   " gesture begin, " + std::to_string(values) + " param value, " +
                   std::to_string(ends) + " gesture end events for " + name + " (after " +
                   std::to_string(flushes) + " request_flush calls)");
    } else if (!(after < before - 0.01 * (info->maxValue - info->minValue))) {
        faults.add("dragging left moved " + name + " from " + formatDouble(before) + " to " +
                   formatDouble(after));
    }
    return "; XTest drag gave gesture begin/" + std::to_string(values) + " values/end through " +
           std::to_string(flushes) + " flush requests, " + name + " " + formatDouble(before, 2) +
           " -> " + formatDouble(after, 3);
}

/// A host-side change (a param value event through flush) must show in
/// get_value; whether the editor redraws is reported, not judged.
std::string hostSideChange(Display* display, ClapInstance& instance, HostWindow& window,
                           std::uint32_t width, std::uint32_t height, FaultList& faults) {
    const auto& parameters = instance.parameters();
    const auto writable = std::find_if(parameters.begin(), parameters.end(),
                                       [](const auto& info) { return isAutomatable(info); });
    if (writable == parameters.end()) {
        return {};
    }
    const auto& info = *writable;
    const auto shotBefore =
        grab(display, window.id(), static_cast<int>(width), static_cast<int>(height));
    const double target = otherValue(info, instance.value(info.id).value_or(info.defaultValue));
    const std::pair<clap_abi::Id, double> change{info.id, target};
    instance.setValues({&change, 1});
    pumpWith(instance, &window, 400ms);
    const auto now = instance.value(info.id);
    if (!now || !sameValue(info, *now, target)) {
        faults.add("with the editor open, a host param value event set " + nameOf(info) + " to " +
                   formatDouble(target, 6) + " through flush, but get_value gives " +
                   (now ? formatDouble(*now, 6) : std::string{"(fails)"}));
        return {};
    }
    const auto shotAfter =
        grab(display, window.id(), static_cast<int>(width), static_cast<int>(height));
    return "; a host change of " + std::string{info.name} + " shows in get_value" +
           (shotAfter.rgb != shotBefore.rgb ? " and the editor" : " (the editor looks the same)");
}

}  // namespace

CheckResult checkClapEditor(ClapSuiteContext& context) {
    const char* displayName = std::getenv("DISPLAY");
    if (displayName == nullptr || *displayName == '\0') {
        return CheckResult::fail("no X display: run under xvfb-run, or pass --no-editor");
    }
    const std::unique_ptr<Display, int (*)(Display*)> display{XOpenDisplay(nullptr),
                                                              &XCloseDisplay};
    if (!display) {
        return CheckResult::fail(std::string{"cannot open X display "} + displayName);
    }
    xdisplay::internWindowManagerAtoms(display.get());

    ClapInstance instance{context.module, context.pluginId};
    const auto* gui = instance.extensions().gui;
    if (gui == nullptr) {
        return CheckResult::skip("the plugin has no gui extension (clap.gui)");
    }
    const auto& plugin = instance.plugin();
    if (!gui->isApiSupported(&plugin, clap_abi::kWindowApiX11, false)) {
        return CheckResult::fail(
            "is_api_supported(\"x11\", embedded) is false: X11 embedding is how Linux hosts "
            "show an editor");
    }
    FaultList faults;
    std::string extras;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    {
        reportStep("creating the editor");
        // Sized once the editor says how large it is.
        OpenEditor editor{instance, display.get(), 1, 1};
        if (!editor.created()) {
            return CheckResult::fail("gui create(\"x11\", embedded) fails");
        }
        // Scale 2 as on a high-DPI screen, then back to 1 for the rest.
        std::uint32_t width1 = 0;
        std::uint32_t height1 = 0;
        const bool scale1 = gui->setScale(&plugin, 1.0);
        (void)gui->getSize(&plugin, &width1, &height1);
        std::string scale = "set_scale(2) declined";
        if (gui->setScale(&plugin, 2.0)) {
            std::uint32_t width2 = 0;
            std::uint32_t height2 = 0;
            (void)gui->getSize(&plugin, &width2, &height2);
            scale = "scale 2 gives " + sizeText(width2, height2);
            if (width2 <= width1 || height2 <= height1) {
                faults.add("set_scale(2) returns true but get_size stays " +
                           sizeText(width2, height2) + " (at scale 1: " +
                           sizeText(width1, height1) + "); return false to ignore a scale");
            }
            (void)gui->setScale(&plugin, 1.0);
        }
        scale += scale1 ? ", scale 1 accepted" : ", set_scale(1) declined";
        if (!gui->getSize(&plugin, &width, &height) || width == 0 || height == 0 ||
            width > kMaxEditorSide || height > kMaxEditorSide) {
            return CheckResult::fail("gui get_size gives " + sizeText(width, height));
        }
        editor.window().resize(static_cast<int>(width), static_cast<int>(height));
        if (!editor.attach()) {
            return CheckResult::fail("gui set_parent to an X11 window fails");
        }
        if (!editor.show()) {
            faults.add("gui show() fails");
        }
        reportStep("running the host loop with the editor open");
        pumpWith(instance, &editor.window(), 700ms);
        if (instance.host().fds().empty() && instance.host().timers().empty()) {
            faults.add(
                "the editor registered no fd (posix-fd-support) and no timer "
                "(timer-support): on Linux that is how an editor gets its X events and "
                "timers on the host's main thread");
        }
        extras += "; " + scale + "; host loop: " + registeredText(instance.host());

        reportStep("taking a screenshot of the editor");
        const int screen = DefaultScreen(display.get());
        const auto shotWidth = std::min<std::uint32_t>(
            width, static_cast<std::uint32_t>(DisplayWidth(display.get(), screen)));
        const auto shotHeight = std::min<std::uint32_t>(
            height, static_cast<std::uint32_t>(DisplayHeight(display.get(), screen)));
        // An editor may draw from another process (a web page takes about a
        // second to first paint): give it up to kFirstPaintWait to show
        // something, then a moment to finish.
        auto shot = grab(display.get(), editor.window().id(), static_cast<int>(shotWidth),
                         static_cast<int>(shotHeight));
        if (shot.distinctColours < 2) {
            for (auto waited = 0ms; shot.distinctColours < 2 && waited < kFirstPaintWait;
                 waited += 100ms) {
                pumpWith(instance, &editor.window(), 100ms);
                shot = grab(display.get(), editor.window().id(), static_cast<int>(shotWidth),
                            static_cast<int>(shotHeight));
            }
            pumpWith(instance, &editor.window(), 700ms);
            shot = grab(display.get(), editor.window().id(), static_cast<int>(shotWidth),
                        static_cast<int>(shotHeight));
        }
        const auto png = context.outputDirectory / "clap-editor.png";
        if (!writePng(png, shot.width, shot.height, shot.rgb)) {
            return CheckResult::fail("vstkit-host cannot write " + png.string());
        }
        if (shot.distinctColours < 2) {
            faults.add("the editor drew nothing (" + std::to_string(shot.distinctColours) +
                       " colour in " + sizeText(width, height) + "); see " + png.string());
        }
        extras += "; screenshot " + png.string();
        // Once the editor shows: a web editor's page is on screen by now.
        extras += "; " + checkNoToolkitInHost(faults);
        if (context.editorDrag) {
            reportStep("dragging across the editor");
            extras += dragAcross(display.get(), instance, editor.window(), *context.editorDrag,
                                 shotWidth, shotHeight, faults);
        }
        reportStep("changing a value from the host with the editor open");
        extras +=
            hostSideChange(display.get(), instance, editor.window(), shotWidth, shotHeight, faults);
        reportStep("hiding the editor");
        if (!editor.hide()) {
            faults.add("gui hide() fails");
        }
    }
    pumpWith(instance, nullptr, 50ms);
    if (!instance.host().fds().empty() || !instance.host().timers().empty()) {
        faults.add("after gui destroy() the plugin leaves " + registeredText(instance.host()) +
                   " registered with the host loop");
    }

    for (int cycle = 0; cycle < kCycles; ++cycle) {
        reportStep("creating and destroying the editor (cycle " + std::to_string(cycle + 1) + ")");
        {
            OpenEditor editor{instance, display.get(), width, height};
            if (!editor.created() || !editor.attach() || !editor.show()) {
                faults.add("create, set_parent or show fails on create/destroy cycle " +
                           std::to_string(cycle + 1));
                break;
            }
            pumpWith(instance, &editor.window(), 30ms);
        }
        pumpWith(instance, nullptr, 5ms);
    }
    if (!instance.host().fds().empty() || !instance.host().timers().empty()) {
        faults.add(std::to_string(kCycles) + " editor create/destroy cycles leave " +
                   registeredText(instance.host()) + " registered with the host loop");
    }
    if (!instance.host().misuse().empty()) {
        faults.add("the plugin misused the host loop: " + instance.host().misuse().front());
    }
    if (const int offThread = instance.host().offThreadCalls(); offThread > 0) {
        faults.add(std::to_string(offThread) +
                   " main-thread host calls (fd, timer, params, state, gui) came from another "
                   "thread");
    }
    return faults.verdict(context.outputDirectory, "editor",
                          sizeText(width, height) + " X11-embedded editor on the host loop" +
                              extras + "; " + std::to_string(kCycles) +
                              " create/destroy cycles leave nothing registered");
}

}  // namespace vstkit::host::conformance
