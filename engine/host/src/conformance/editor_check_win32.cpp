// The editor check on Windows: the plugin's view in a Win32 host window
// (kPlatformTypeHWND), with the host's message loop pumped as a DAW's UI
// thread does. The same steps as on Linux where Windows has them: attach,
// draw (a screenshot, editor.bmp), resize, an optional mouse drag (SendInput,
// Windows' synthetic input, as XTest is X11's) and open/close cycles.
#include <windows.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "parameter_traits.h"
#include "pluginterfaces/gui/iplugview.h"
#include "vst3/host_object.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;
using namespace std::chrono_literals;

namespace {

constexpr int kCycles = 20;
constexpr wchar_t kHostWindowClass[] = L"VstKitHostEditorWindow";

std::string sizeText(int width, int height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

/// Runs the UI thread's message loop for a while.
void pump(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    do {
        MSG message{};
        while (PeekMessageW(&message, nullptr, 0, 0, PM_REMOVE) != FALSE) {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
        Sleep(5);
    } while (std::chrono::steady_clock::now() < until);
}

/// A top-level window of the host holding the editor, sized to its client area.
class HostWindow final {
  public:
    HostWindow(int width, int height) {
        WNDCLASSEXW windowClass{};
        windowClass.cbSize = sizeof windowClass;
        windowClass.lpfnWndProc = DefWindowProcW;
        windowClass.hInstance = GetModuleHandleW(nullptr);
        windowClass.lpszClassName = kHostWindowClass;
        windowClass.hbrBackground = reinterpret_cast<HBRUSH>(GetStockObject(BLACK_BRUSH));
        RegisterClassExW(&windowClass);
        window_ =
            CreateWindowExW(0, kHostWindowClass, L"vstkit-host", WS_POPUP | WS_VISIBLE, 0, 0, width,
                            height, nullptr, nullptr, GetModuleHandleW(nullptr), nullptr);
    }
    ~HostWindow() {
        if (window_ != nullptr) {
            DestroyWindow(window_);
        }
    }
    HostWindow(const HostWindow&) = delete;
    HostWindow& operator=(const HostWindow&) = delete;

    [[nodiscard]] HWND handle() const noexcept { return window_; }
    void resize(int width, int height) const noexcept {
        SetWindowPos(window_, nullptr, 0, 0, width, height, SWP_NOZORDER | SWP_NOMOVE);
    }

  private:
    HWND window_ = nullptr;
};

/// IPlugFrame: the editor asks the host to resize it.
class HostFrame final : public HostObject<IPlugFrame> {
  public:
    explicit HostFrame(HostWindow& window) : window_(window) {}
    tresult PLUGIN_API resizeView(IPlugView* view, ViewRect* newSize) override {
        if (view == nullptr || newSize == nullptr) {
            return kInvalidArgument;
        }
        ++requests_;
        window_.resize(newSize->getWidth(), newSize->getHeight());
        return view->onSize(newSize);
    }
    [[nodiscard]] int requests() const noexcept { return requests_; }

  private:
    HostWindow& window_;
    int requests_ = 0;
};

/// The window's pixels as 24-bit BGR rows, bottom-up (a BMP's order).
struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bytes;
    [[nodiscard]] int stride() const noexcept { return (width * 3 + 3) & ~3; }
    [[nodiscard]] std::size_t distinctColours() const {
        std::vector<std::uint32_t> colours;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const std::uint8_t* pixel =
                    bytes.data() + static_cast<std::size_t>(y * stride() + x * 3);
                colours.push_back(static_cast<std::uint32_t>(pixel[0]) |
                                  (static_cast<std::uint32_t>(pixel[1]) << 8U) |
                                  (static_cast<std::uint32_t>(pixel[2]) << 16U));
            }
        }
        std::sort(colours.begin(), colours.end());
        return static_cast<std::size_t>(std::unique(colours.begin(), colours.end()) -
                                        colours.begin());
    }
};

Pixels capture(HWND window, int width, int height) {
    Pixels pixels{width, height, {}};
    pixels.bytes.resize(static_cast<std::size_t>(pixels.stride() * height));
    HDC screen = GetDC(window);
    HDC memory = CreateCompatibleDC(screen);
    HBITMAP bitmap = CreateCompatibleBitmap(screen, width, height);
    const HGDIOBJ previous = SelectObject(memory, bitmap);
    BitBlt(memory, 0, 0, width, height, screen, 0, 0, SRCCOPY);
    SelectObject(memory, previous);
    BITMAPINFO info{};
    info.bmiHeader.biSize = sizeof(BITMAPINFOHEADER);
    info.bmiHeader.biWidth = width;
    info.bmiHeader.biHeight = height;
    info.bmiHeader.biPlanes = 1;
    info.bmiHeader.biBitCount = 24;
    info.bmiHeader.biCompression = BI_RGB;
    GetDIBits(memory, bitmap, 0, static_cast<UINT>(height), pixels.bytes.data(), &info,
              DIB_RGB_COLORS);
    DeleteObject(bitmap);
    DeleteDC(memory);
    ReleaseDC(window, screen);
    return pixels;
}

void writeBmp(const std::filesystem::path& path, const Pixels& pixels) {
    BITMAPFILEHEADER file{};
    BITMAPINFOHEADER header{};
    header.biSize = sizeof header;
    header.biWidth = pixels.width;
    header.biHeight = pixels.height;
    header.biPlanes = 1;
    header.biBitCount = 24;
    header.biCompression = BI_RGB;
    file.bfType = 0x4D42;  // "BM"
    file.bfOffBits = sizeof file + sizeof header;
    file.bfSize = static_cast<DWORD>(file.bfOffBits + pixels.bytes.size());
    std::ofstream out{path, std::ios::binary};
    out.write(reinterpret_cast<const char*>(&file), sizeof file);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(reinterpret_cast<const char*>(pixels.bytes.data()),
              static_cast<std::streamsize>(pixels.bytes.size()));
}

void sendMouse(DWORD flags) {
    INPUT input{};
    input.type = INPUT_MOUSE;
    input.mi.dwFlags = flags;
    SendInput(1, &input, sizeof input);
}

/// The opt-in drag: press at the middle of the editor at the asked height,
/// move left to a quarter of its width in steps, release. The parameter
/// must get one beginEdit, some performEdit and one endEdit, and go down.
void sendDrag(int fromX, int toX, int y);

/// --await-drag: says where to drag (screen pixels) and waits for it.
void awaitOutsideDrag(const PluginInstance& instance, Vst::ParamID id, int seconds, int fromX,
                      int toX, int y) {
    std::fprintf(stderr, "editor: waiting %d s for a drag from %d,%d to %d,%d\n", seconds, fromX, y,
                 toX, y);
    std::fflush(stderr);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until) {
        pump(20ms);
        const auto counts = instance.handler().gesturesOf(id);
        if (counts.begins > 0 && counts.ends >= counts.begins) {
            break;
        }
    }
    std::fprintf(stderr, "editor: holding 2 s for a screenshot\n");
    std::fflush(stderr);
    pump(2000ms);
}

std::string dragAcrossEditor(HWND window, PluginInstance& instance, const EditorDrag& drag,
                             int width, int height, FaultList& faults) {
    const auto info = instance.findParameter(drag.parameter);
    if (!info) {
        faults.add("--drag-parameter: the plugin has no parameter '" + drag.parameter + "'");
        return {};
    }
    const std::string name = nameOf(*info);
    const double before = instance.controller().getParamNormalized(info->id);
    instance.handler().clear();
    POINT origin{0, 0};
    ClientToScreen(window, &origin);
    const int y = origin.y + static_cast<int>(drag.heightFraction * height);
    const int fromX = origin.x + width / 2;
    const int toX = origin.x + width / 4;
    if (drag.awaitSeconds > 0) {
        awaitOutsideDrag(instance, info->id, drag.awaitSeconds, fromX, toX, y);
    } else {
        sendDrag(fromX, toX, y);
    }
    const double after = instance.controller().getParamNormalized(info->id);
    const auto [begins, performs, ends] = instance.handler().gesturesOf(info->id);
    if (begins != 1 || performs < 1 || ends != 1) {
        faults.add("a mouse drag across the editor gave " + std::to_string(begins) +
                   " beginEdit, " + std::to_string(performs) + " performEdit, " +
                   std::to_string(ends) + " endEdit for " + name);
    } else if (!(after < before - 0.1)) {
        faults.add("dragging left moved " + name + " from " + formatDouble(before) + " to " +
                   formatDouble(after));
    }
    return std::string{drag.awaitSeconds > 0 ? "; an outside drag" : "; SendInput drag"} +
           " gave " + std::to_string(begins) + " begin, " + std::to_string(performs) +
           " perform, " + std::to_string(ends) + " end edits, " + name + " " +
           formatDouble(before, 2) + " -> " + formatDouble(after, 3);
}

/// Windows' synthetic input: press, move left in steps, release.
void sendDrag(int fromX, int toX, int y) {
    SetCursorPos(fromX, y);
    pump(100ms);
    sendMouse(MOUSEEVENTF_LEFTDOWN);
    pump(100ms);
    constexpr int kSteps = 12;
    for (int step = 1; step <= kSteps; ++step) {
        SetCursorPos(fromX + (toX - fromX) * step / kSteps, y);
        sendMouse(MOUSEEVENTF_MOVE);
        pump(30ms);
    }
    sendMouse(MOUSEEVENTF_LEFTUP);
    pump(150ms);
}

}  // namespace

CheckResult checkEditor(SuiteContext& context) {
    FaultList faults;
    reportStep("creating the editor");
    PluginInstance instance{context.module, context.audioClass, context.host};
    IPtr<IPlugView> view = owned(instance.controller().createView("editor"));
    if (!view) {
        return CheckResult::skip("the plugin has no editor (createView gives none)");
    }
    if (view->isPlatformTypeSupported(kPlatformTypeHWND) != kResultTrue) {
        return CheckResult::fail("the editor does not support HWND, Windows' platform type");
    }
    ViewRect size{};
    if (view->getSize(&size) != kResultOk || size.getWidth() <= 0 || size.getHeight() <= 0) {
        return CheckResult::fail("getSize gave no usable size before attached()");
    }
    int width = size.getWidth();
    int height = size.getHeight();
    HostWindow window{width, height};
    if (window.handle() == nullptr) {
        return CheckResult::fail("the host could not create its window (error " +
                                 std::to_string(GetLastError()) + ")");
    }
    IPtr<HostFrame> frame = owned(new HostFrame{window});
    view->setFrame(frame);
    reportStep("attaching the editor to an HWND");
    if (view->attached(window.handle(), kPlatformTypeHWND) != kResultOk) {
        return CheckResult::fail("attached(HWND) refused");
    }
    pump(500ms);
    if (GetWindow(window.handle(), GW_CHILD) == nullptr) {
        faults.add("after attached() the host's window has no child window");
    }
    view->getSize(&size);
    width = size.getWidth();
    height = size.getHeight();
    reportStep("taking a screenshot");
    const Pixels shot = capture(window.handle(), width, height);
    writeBmp(context.outputDirectory / "editor.bmp", shot);
    const std::size_t colours = shot.distinctColours();
    if (colours < 3) {
        faults.add("the editor drew nothing: its " + sizeText(width, height) +
                   " pixels have only " + std::to_string(colours) + " colours");
    }
    std::string extras = "; drew " + std::to_string(colours) + " colours (editor.bmp)";

    if (context.editorDrag) {
        reportStep("dragging across the editor");
        extras +=
            dragAcrossEditor(window.handle(), instance, *context.editorDrag, width, height, faults);
    }

    if (view->canResize() == kResultTrue) {
        reportStep("resizing the editor");
        ViewRect wider{0, 0, width + width / 2, height};
        view->checkSizeConstraint(&wider);
        window.resize(wider.getWidth(), wider.getHeight());
        if (view->onSize(&wider) != kResultOk) {
            faults.add("the editor says it can resize but refuses onSize(" +
                       sizeText(wider.getWidth(), wider.getHeight()) + ") it agreed to");
        }
        pump(100ms);
        ViewRect after{};
        view->getSize(&after);
        if (after.getWidth() != wider.getWidth() || after.getHeight() != wider.getHeight()) {
            faults.add("after onSize(" + sizeText(wider.getWidth(), wider.getHeight()) +
                       ") the editor reports " + sizeText(after.getWidth(), after.getHeight()));
        }
        writeBmp(context.outputDirectory / "editor-wide.bmp",
                 capture(window.handle(), wider.getWidth(), wider.getHeight()));
        extras += "; resized to " + sizeText(wider.getWidth(), wider.getHeight());
    }
    view->removed();
    view->setFrame(nullptr);
    view = nullptr;

    reportStep("opening and closing the editor");
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        IPtr<IPlugView> again = owned(instance.controller().createView("editor"));
        if (!again || again->attached(window.handle(), kPlatformTypeHWND) != kResultOk) {
            faults.add("open/close cycle " + std::to_string(cycle + 1) + " could not attach");
            break;
        }
        pump(20ms);
        again->removed();
    }
    if (GetWindow(window.handle(), GW_CHILD) != nullptr) {
        faults.add("after removed() the editor left a window in the host's");
    }
    return faults.verdict(context, "editor",
                          sizeText(width, height) + " Win32 editor in an HWND" + extras + "; " +
                              std::to_string(kCycles) + " open/close cycles");
}

}  // namespace vstkit::host::conformance
