// The Win32 generic editor's own test, run under Wine by the windows test
// stage (GoogleTest is not built for MinGW here, so it counts its own
// checks). It opens the editor in a host window and drives the controls
// with the messages Windows sends them: typed values, a trackbar drag, a
// check box, a drop-down list, host automation, content scale, closing
// mid-drag. Exit code 0 when every check passed.
#include <windows.h>

#include <commctrl.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vstkit/protocol/normalized.h"
#include "vstkit/ui/editor.h"

namespace {

using vstkit::protocol::ParamKind;
using vstkit::protocol::ParamSpec;

constexpr std::array<std::string_view, 3> kModes{"Low-pass", "Band-pass", "High-pass"};
const std::array<ParamSpec, 4> kTable{{
    {.stableId = "gain",
     .name = "Gain",
     .unit = "dB",
     .minValue = -60.0F,
     .maxValue = 12.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 1},
    {.stableId = "voices",
     .name = "Voices",
     .unit = "",
     .minValue = 1.0F,
     .maxValue = 8.0F,
     .defaultValue = 2.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Stepped},
    {.stableId = "bypass",
     .name = "Bypass",
     .unit = "",
     .minValue = 0.0F,
     .maxValue = 1.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Toggle},
    {.stableId = "mode",
     .name = "Mode",
     .unit = "",
     .minValue = 0.0F,
     .maxValue = 2.0F,
     .defaultValue = 0.0F,
     .displayDecimals = 0,
     .kind = ParamKind::Choice,
     .choices = kModes},
}};

enum class Call { Begin, Perform, End };
struct Edit {
    Call call;
    std::size_t index;
    float value;
};

/// The plugin side: values a host could move, and every edit the editor makes.
class RecordingAccess final : public vstkit::ui::ParameterAccess {
  public:
    RecordingAccess() {
        for (std::size_t index = 0; index < kTable.size(); ++index) {
            values[index] = vstkit::protocol::toNormalized(kTable[index], kTable[index].defaultValue);
        }
    }
    float normalizedValue(std::size_t index) const noexcept override { return values[index]; }
    void beginEdit(std::size_t index) override { edits.push_back({Call::Begin, index, 0.0F}); }
    void performEdit(std::size_t index, float normalized) override {
        edits.push_back({Call::Perform, index, normalized});
        values[index] = normalized;
    }
    void endEdit(std::size_t index) override { edits.push_back({Call::End, index, 0.0F}); }
    void followPlugin() noexcept override { ++follows; }

    [[nodiscard]] int count(Call call, std::size_t index) const {
        int total = 0;
        for (const auto& edit : edits) {
            total += edit.call == call && edit.index == index ? 1 : 0;
        }
        return total;
    }

    std::array<float, kTable.size()> values{};
    std::vector<Edit> edits;
    int follows = 0;
};

int failures = 0;
int passes = 0;

void expect(bool condition, const std::string& what) {
    std::printf("  %s %s\n", condition ? "ok  " : "FAIL", what.c_str());
    (condition ? passes : failures) += 1;
}

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

std::wstring textOf(HWND window) {
    std::wstring text(static_cast<std::size_t>(GetWindowTextLengthW(window)) + 1, L'\0');
    text.resize(static_cast<std::size_t>(
        GetWindowTextW(window, text.data(), static_cast<int>(text.size()))));
    return text;
}

/// The row's control and value box have the ids 100 + 2 * row and one more.
HWND controlOf(HWND editor, int row) {
    return GetDlgItem(editor, 100 + 2 * row);
}
HWND valueBoxOf(HWND editor, int row) {
    return GetDlgItem(editor, 101 + 2 * row);
}

void typeInto(HWND box, const wchar_t* text) {
    SetFocus(box);
    SetWindowTextW(box, text);
    SendMessageW(box, WM_KEYDOWN, VK_RETURN, 0);
}

/// A mouse drag on a trackbar, as the messages Windows sends it.
void dragTrackbar(HWND trackbar, int fromX, int toX, bool release) {
    RECT area{};
    GetClientRect(trackbar, &area);
    const int y = (area.bottom - area.top) / 2;
    SendMessageW(trackbar, WM_LBUTTONDOWN, MK_LBUTTON, MAKELPARAM(fromX, y));
    for (int step = 1; step <= 8; ++step) {
        SendMessageW(trackbar, WM_MOUSEMOVE, MK_LBUTTON,
                     MAKELPARAM(fromX + (toX - fromX) * step / 8, y));
    }
    if (release) {
        SendMessageW(trackbar, WM_LBUTTONUP, 0, MAKELPARAM(toX, y));
    }
}

HWND makeHostWindow() {
    WNDCLASSEXW windowClass{};
    windowClass.cbSize = sizeof windowClass;
    windowClass.lpfnWndProc = DefWindowProcW;
    windowClass.hInstance = GetModuleHandleW(nullptr);
    windowClass.lpszClassName = L"VstKitWin32EditorTestHost";
    RegisterClassExW(&windowClass);
    return CreateWindowExW(0, windowClass.lpszClassName, L"test host", WS_POPUP | WS_VISIBLE, 0, 0,
                           800, 400, nullptr, nullptr, windowClass.hInstance, nullptr);
}

}  // namespace

int main() {
    const HWND host = makeHostWindow();
    RecordingAccess access;
    vstkit::ui::Editor editor{kTable, access, "Win32 Test"};
    expect(!editor.isWeb() && editor.connectionFd() == -1, "a generic editor, driven by its own timer");
    const int naturalWidth = editor.width();
    const int naturalHeight = editor.height();
    expect(editor.open(reinterpret_cast<vstkit::ui::NativeWindow>(host)),
           "opens in the host's window: " + editor.error());
    const auto window = reinterpret_cast<HWND>(editor.nativeWindow());
    expect(window != nullptr && GetParent(window) == host, "its window is a child of the host's");
    pump(std::chrono::milliseconds(100));

    // The rows: a trackbar, a stepped trackbar, a check box, a drop-down list.
    std::array<wchar_t, 64> className{};
    GetClassNameW(controlOf(window, 0), className.data(), static_cast<int>(className.size()));
    expect(std::wstring{className.data()} == TRACKBAR_CLASSW, "Gain is a trackbar");
    expect(SendMessageW(controlOf(window, 1), TBM_GETRANGEMAX, 0, 0) == 7,
           "Voices (1-8) is a trackbar of 7 steps");
    GetClassNameW(controlOf(window, 2), className.data(), static_cast<int>(className.size()));
    expect(std::wstring{className.data()} == WC_BUTTONW, "Bypass is a check box");
    expect(SendMessageW(controlOf(window, 3), CB_GETCOUNT, 0, 0) == 3,
           "Mode is a drop-down list of its 3 labels");
    expect(textOf(valueBoxOf(window, 0)) == L"0.0 dB", "Gain's box shows 0.0 dB");
    expect(access.follows > 0, "the editor asks the plugin to follow before it shows values");

    // Typed entry, parsed by the protocol: one whole gesture.
    access.edits.clear();
    typeInto(valueBoxOf(window, 0), L"-12 dB");
    const float minus12 = vstkit::protocol::toNormalized(kTable[0], -12.0F);
    expect(access.count(Call::Begin, 0) == 1 && access.count(Call::End, 0) == 1 &&
               std::abs(access.values[0] - minus12) < 1e-6F,
           "typing -12 dB and Enter sets Gain to -12 dB in one gesture");
    expect(SendMessageW(controlOf(window, 0), TBM_GETPOS, 0, 0) ==
               std::lround(static_cast<double>(minus12) * 1000.0),
           "the trackbar moved to -12 dB");
    access.edits.clear();
    typeInto(valueBoxOf(window, 0), L"loud");
    expect(access.edits.empty() && std::abs(access.values[0] - minus12) < 1e-6F &&
               textOf(valueBoxOf(window, 0)) == L"loud",
           "typing 'loud' changes nothing and leaves the text to mend");
    SendMessageW(valueBoxOf(window, 0), WM_KEYDOWN, VK_ESCAPE, 0);
    expect(textOf(valueBoxOf(window, 0)) == L"-12.0 dB", "Escape shows the value again");
    typeInto(valueBoxOf(window, 3), L"high-pass");
    expect(std::abs(access.values[3] - 1.0F) < 1e-6F &&
               SendMessageW(controlOf(window, 3), CB_GETCURSEL, 0, 0) == 2,
           "typing a choice's label selects it");

    // A drag on the trackbar: one begin, performs, one end.
    access.edits.clear();
    RECT channel{};
    SendMessageW(controlOf(window, 0), TBM_GETCHANNELRECT, 0, reinterpret_cast<LPARAM>(&channel));
    dragTrackbar(controlOf(window, 0), (channel.left + channel.right) / 2, channel.left, true);
    pump(std::chrono::milliseconds(50));
    expect(access.count(Call::Begin, 0) == 1 && access.count(Call::Perform, 0) >= 2 &&
               access.count(Call::End, 0) == 1 && access.values[0] < 0.01F,
           "a drag to the left end is one begin, " +
               std::to_string(access.count(Call::Perform, 0)) + " performs and one end, down to " +
               std::to_string(access.values[0]));

    // The check box and the list: one gesture each.
    access.edits.clear();
    SendMessageW(controlOf(window, 2), BM_CLICK, 0, 0);
    expect(access.count(Call::Begin, 2) == 1 && access.count(Call::End, 2) == 1 &&
               access.values[2] == 1.0F,
           "a click on Bypass turns it on in one gesture");
    SendMessageW(controlOf(window, 3), CB_SETCURSEL, 1, 0);
    SendMessageW(window, WM_COMMAND, MAKEWPARAM(106, CBN_SELCHANGE),
                 reinterpret_cast<LPARAM>(controlOf(window, 3)));
    expect(std::abs(access.values[3] - 0.5F) < 1e-6F, "choosing Band-pass sets Mode to 0.5");

    // The host's automation moves the controls at the next timer tick.
    access.values[0] = vstkit::protocol::toNormalized(kTable[0], -6.0F);
    access.values[1] = vstkit::protocol::toNormalized(kTable[1], 5.0F);
    access.values[2] = 0.0F;
    access.edits.clear();
    pump(std::chrono::milliseconds(120));
    expect(textOf(valueBoxOf(window, 0)) == L"-6.0 dB" &&
               SendMessageW(controlOf(window, 1), TBM_GETPOS, 0, 0) == 4 &&
               SendMessageW(controlOf(window, 2), BM_GETCHECK, 0, 0) == BST_UNCHECKED,
           "host values are followed: Gain -6.0 dB, Voices 5, Bypass off");
    expect(access.edits.empty(), "following the host sends no edits back");

    // Content scale: twice the size, twice the font.
    editor.setContentScale(2.0F);
    RECT scaled{};
    GetClientRect(window, &scaled);
    expect(editor.width() == 2 * naturalWidth && editor.height() == 2 * naturalHeight &&
               scaled.right == editor.width() && scaled.bottom == editor.height(),
           "content scale 2: " + std::to_string(editor.width()) + "x" +
               std::to_string(editor.height()) + " (natural " + std::to_string(naturalWidth) +
               "x" + std::to_string(naturalHeight) + "), font " + editor.fontDescription());
    editor.setContentScale(1.0F);
    expect(!editor.resize(editor.minimumWidth() - 1, editor.height()) &&
               editor.resize(editor.minimumWidth() + 50, editor.height()),
           "a width below the minimum is refused, one above it taken");

    // Closing mid-drag ends the gesture.
    access.edits.clear();
    SendMessageW(controlOf(window, 0), TBM_GETCHANNELRECT, 0, reinterpret_cast<LPARAM>(&channel));
    dragTrackbar(controlOf(window, 0), channel.left + 2, channel.right, false);
    editor.close();
    expect(access.count(Call::Begin, 0) == 1 && access.count(Call::End, 0) == 1,
           "closing during a drag ends its gesture");
    expect(!editor.isOpen() && GetWindow(host, GW_CHILD) == nullptr,
           "closed: nothing left in the host's window");
    expect(editor.open(reinterpret_cast<vstkit::ui::NativeWindow>(host)) && editor.isOpen(),
           "opens again after closing");
    editor.close();
    DestroyWindow(host);

    std::printf("%d passed, %d failed\n", passes, failures);
    return failures == 0 ? 0 : 1;
}
