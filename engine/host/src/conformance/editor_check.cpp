#include <X11/Xlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>

#include "attached_view.h"
#include "check.h"
#include "editor_drag.h"
#include "fault_list.h"
#include "host_window.h"
#include "isolated_run.h"
#include "pluginterfaces/gui/iplugviewcontentscalesupport.h"
#include "png_writer.h"
#include "process_memory.h"
#include "screenshot.h"
#include "toolkit_isolation.h"
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

constexpr int kCycles = 50;
constexpr auto kFirstPaintWait = std::chrono::milliseconds(8000);
constexpr long kMaxGrowthBytes = 4L << 20;
// No screen is larger; a size beyond it is garbage.
constexpr int kMaxEditorSide = 16384;

std::string sizeText(int width, int height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

bool sensibleSize(const ViewRect& rect) {
    return rect.getWidth() > 0 && rect.getHeight() > 0 && rect.getWidth() <= kMaxEditorSide &&
           rect.getHeight() <= kMaxEditorSide;
}

/// Writes what the editor shows now as NAME.png in the output folder.
using ShotTaker = std::function<void(const std::string& name, int width, int height)>;

/// A resizable editor must take a new size it agreed to and then report it,
/// and a size it shrinks or grows in checkSizeConstraint must be one it
/// then takes. Screenshots at 480x240 and 900x400 (as constrained) show how
/// it fills them.
std::string checkResize(AttachedView& editor, HostWindow& window, PlugFrame& frame,
                        const ShotTaker& shoot, FaultList& faults) {
    IPlugView& view = *editor.view();
    if (view.canResize() != kResultTrue) {
        return "fixed size";
    }
    const ViewRect before = editor.size();
    // Takes a size through the host's path: constraint, window, onSize, then
    // reads it back. False, with a fault, when the editor refuses or forgets.
    const auto resizeTo = [&](ViewRect wanted) {
        view.checkSizeConstraint(&wanted);
        window.resize(wanted.getWidth(), wanted.getHeight());
        if (const tresult result = view.onSize(&wanted); result != kResultOk) {
            faults.add("the editor says it can resize, but refuses onSize(" +
                       sizeText(wanted.getWidth(), wanted.getHeight()) + ") it agreed to");
            return wanted;
        }
        frame.pump(100ms);
        const ViewRect after = editor.size();
        if (after.getWidth() != wanted.getWidth() || after.getHeight() != wanted.getHeight()) {
            faults.add("after onSize(" + sizeText(wanted.getWidth(), wanted.getHeight()) +
                       ") the editor reports " + sizeText(after.getWidth(), after.getHeight()));
        }
        return wanted;
    };
    const ViewRect grown = resizeTo({0, 0, before.getWidth() + 100, before.getHeight() + 80});
    std::string result = "resizes to " + sizeText(grown.getWidth(), grown.getHeight());
    const ViewRect smallest = resizeTo({0, 0, 1, 1});
    result += ", constrains 1x1 to " + sizeText(smallest.getWidth(), smallest.getHeight());
    // Below what it constrains to, an editor may refuse onSize (VstKit's do)
    // or take the size; taking it and reporting another is a fault.
    if (smallest.getWidth() > 1) {
        ViewRect narrower{0, 0, smallest.getWidth() - 1, smallest.getHeight()};
        const std::string asked = sizeText(narrower.getWidth(), narrower.getHeight());
        if (view.onSize(&narrower) != kResultOk) {
            result += ", refuses " + asked;
        } else if (const ViewRect now = editor.size(); now.getWidth() != narrower.getWidth()) {
            faults.add("the editor takes onSize(" + asked + ") but then reports " +
                       sizeText(now.getWidth(), now.getHeight()));
        } else {
            result += ", takes " + asked;
        }
    }
    for (const auto& [width, height] : {std::pair{480, 240}, std::pair{900, 400}}) {
        const ViewRect taken = resizeTo({0, 0, width, height});
        shoot("editor-" + sizeText(width, height), taken.getWidth(), taken.getHeight());
    }
    ViewRect restored = before;
    view.onSize(&restored);
    window.resize(before.getWidth(), before.getHeight());
    frame.pump(50ms);
    return result;
}

/// Hosts on high-DPI screens set a content scale. An editor that accepts
/// one must grow with it and ask the host's frame for the room.
std::string checkContentScale(AttachedView& editor, HostWindow& window, PlugFrame& frame,
                              const ShotTaker& shoot, FaultList& faults) {
    FUnknownPtr<IPlugViewContentScaleSupport> scaling{editor.view()};
    if (!scaling) {
        return "no content-scale support";
    }
    const ViewRect before = editor.size();
    const int resizesBefore = frame.resizeRequests();
    if (scaling->setContentScaleFactor(2.0F) != kResultOk) {
        return "declines content scale 2";
    }
    frame.pump(300ms);
    const ViewRect scaled = editor.size();
    const std::string result =
        "content scale 2 gives " + sizeText(scaled.getWidth(), scaled.getHeight());
    const bool askedToResize = frame.resizeRequests() != resizesBefore;
    if (scaled.getWidth() <= before.getWidth() || scaled.getHeight() <= before.getHeight()) {
        const ViewRect asked = frame.lastRequestedSize();
        faults.add("the editor accepts content scale 2 (kResultOk) but stays " +
                   sizeText(scaled.getWidth(), scaled.getHeight()) +
                   (askedToResize ? " after asking the host for " +
                                        sizeText(asked.getWidth(), asked.getHeight())
                                  : " and asks the host for no resize"));
    } else if (!askedToResize) {
        faults.add("at content scale 2 the editor grows to " +
                   sizeText(scaled.getWidth(), scaled.getHeight()) +
                   " without asking the host frame to resize (IPlugFrame::resizeView)");
    } else {
        window.resize(scaled.getWidth(), scaled.getHeight());
        frame.pump(200ms);
        shoot("editor-scale2", scaled.getWidth(), scaled.getHeight());
        window.resize(before.getWidth(), before.getHeight());
    }
    scaling->setContentScaleFactor(1.0F);
    frame.pump(50ms);
    return result;
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
    xdisplay::internWindowManagerAtoms(display.get());

    PluginInstance instance{context.module, context.audioClass, context.host};
    PlugFrame& frame = PlugFrame::hostRunLoop();
    // Runs on every return, after the views are gone: the host's run loop ends.
    const struct RunLoopShutDown {
        PlugFrame& frame;
        ~RunLoopShutDown() { frame.shutDown(); }
    } runLoopShutDown{frame};

    FaultList faults;
    int width = 0;
    int height = 0;
    std::string extras;
    {
        reportStep("opening the editor");
        HostWindow window{display.get(), 640, 480};
        AttachedView editor{instance, frame, window.id()};
        if (editor.view() == nullptr) {
            return CheckResult::skip("the plugin has no editor (createView returns null)");
        }
        if (!editor.supportsX11()) {
            return CheckResult::fail(
                "the editor does not support X11EmbedWindowID, the only Linux embedding");
        }
        if (!editor.attached()) {
            return CheckResult::fail("attached() to an X11 window fails");
        }
        const ViewRect size = editor.size();
        if (!sensibleSize(size)) {
            return CheckResult::fail("the editor reports its size as " +
                                     sizeText(size.getWidth(), size.getHeight()));
        }
        width = size.getWidth();
        height = size.getHeight();
        window.resize(width, height);
        frame.pump(700ms);
        if (frame.eventHandlerCount() == 0 && frame.timerCount() == 0) {
            faults.add(
                "the editor registered nothing with the host's IRunLoop: on Linux that is how an "
                "editor gets its X events and timers on the host's UI thread");
        }

        reportStep("taking a screenshot of the editor");
        // An editor may draw from another process (a web page takes about a
        // second to first paint): give it up to kFirstPaintWait to show something.
        auto shot = grab(display.get(), window.id(), width, height);
        if (shot.distinctColours < 2) {
            for (auto waited = 0ms; shot.distinctColours < 2 && waited < kFirstPaintWait;
                 waited += 100ms) {
                frame.pump(100ms);
                shot = grab(display.get(), window.id(), width, height);
            }
            // The first paint may be the page's frame before its controls.
            frame.pump(700ms);
            shot = grab(display.get(), window.id(), width, height);
        }
        const auto png = context.outputDirectory / "editor.png";
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
            extras += dragAcrossEditor(display.get(), frame, instance, *context.editorDrag, width,
                                       height, faults);
        }
        const ShotTaker shoot = [&](const std::string& name, int shotWidth, int shotHeight) {
            frame.pump(600ms);
            // Only what is on screen can be read back (a larger grab is an X error).
            const int screen = DefaultScreen(display.get());
            const auto picture = grab(display.get(), window.id(),
                                      std::min(shotWidth, DisplayWidth(display.get(), screen)),
                                      std::min(shotHeight, DisplayHeight(display.get(), screen)));
            const auto shotFile = context.outputDirectory / (name + ".png");
            if (!writePng(shotFile, picture.width, picture.height, picture.rgb)) {
                faults.add("vstkit-host cannot write " + shotFile.string());
            }
        };
        reportStep("resizing the editor");
        extras += "; " + checkResize(editor, window, frame, shoot, faults);
        reportStep("setting the content scale");
        extras += "; " + checkContentScale(editor, window, frame, shoot, faults);
    }

    std::size_t registeredAfterFirst = 0;
    // One round of kCycles opens and closes; the resident growth from its
    // sixth cycle (after caches such as fonts have filled) to its end.
    const auto openAndCloseCycles = [&](int round) {
        long startResident = 0;
        for (int cycle = 0; cycle < kCycles; ++cycle) {
            reportStep("opening and closing the editor (cycle " + std::to_string(cycle + 1) +
                       (round > 1 ? ", round " + std::to_string(round) : std::string{}) + ")");
            if (cycle == 5) {
                startResident = residentBytes();
            }
            {
                HostWindow window{display.get(), width, height};
                AttachedView editor{instance, frame, window.id()};
                if (!editor.attached()) {
                    faults.add("attach fails on open/close cycle " + std::to_string(cycle + 1));
                    break;
                }
                frame.pump(20ms);
            }
            frame.pump(5ms);
            const std::size_t registered = frame.eventHandlerCount() + frame.timerCount();
            if (round == 1 && cycle == 0) {
                registeredAfterFirst = registered;
            } else if (cycle == kCycles - 1 && registered > registeredAfterFirst) {
                faults.add(std::to_string(kCycles) + " open/close cycles leave " +
                           std::to_string(registered) +
                           " handlers and timers registered with the run loop, up from " +
                           std::to_string(registeredAfterFirst) + " after the first");
            }
        }
        frame.pump(100ms);
        return residentBytes() - startResident;
    };
    long growth = openAndCloseCycles(1);
    // The allocator and the GL driver grow in steps of about 1 MiB, so one
    // round can cross the bound without a leak; a leak grows again in a
    // second round.
    if (kResidentSizeIsMeaningful && growth > kMaxGrowthBytes) {
        const long firstGrowth = growth;
        growth = openAndCloseCycles(2);
        if (growth > kMaxGrowthBytes) {
            faults.add("two rounds of " + std::to_string(kCycles) +
                       " editor open/close cycles each grew memory, by " +
                       std::to_string(firstGrowth / 1024) + " and " +
                       std::to_string(growth / 1024) + " KiB (bound " +
                       std::to_string(kMaxGrowthBytes >> 10) + " KiB)");
        }
    }
    const std::string memory = kResidentSizeIsMeaningful
                                   ? "memory " + std::string{growth >= 0 ? "+" : ""} +
                                         std::to_string(growth / 1024) + " KiB (bound " +
                                         std::to_string(kMaxGrowthBytes >> 10) + " KiB)"
                                   : std::string{"leaks left to LeakSanitizer (ASan build)"};
    return faults.verdict(context, "editor",
                          sizeText(width, height) + " X11-embedded editor on the host's run loop" +
                              extras + "; " + std::to_string(kCycles) + " open/close cycles, " +
                              memory);
}

}  // namespace vstkit::host::conformance
