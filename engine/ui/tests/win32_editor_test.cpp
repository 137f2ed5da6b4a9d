// The Win32 generic editor's own test, run under Wine by the windows test
// stage (GoogleTest is not built for MinGW here, so it counts its own
// checks). It opens the editor in a host window and drives the controls
// with the messages Windows sends them: typed values, a trackbar drag, a
// check box, a drop-down list, host automation, content scale, closing
// mid-drag. Exit code 0 when every check passed.
#include <windows.h>

#include <commctrl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/ui/editor.h"

namespace {

using vstkit::protocol::testing::kEveryKindTable;
using Row = vstkit::protocol::testing::EveryKindRow;
constexpr auto& kTable = kEveryKindTable;

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
            values[index] =
                vstkit::protocol::toNormalized(kTable[index], kTable[index].defaultValue);
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
    bool requestResize(int width, int height) override {
        requested = {width, height};
        return true;
    }

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
    std::array<int, 2> requested{};
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
int controlIdOf(std::size_t row) {
    return 100 + 2 * static_cast<int>(row);
}
HWND controlOf(HWND editor, std::size_t row) {
    return GetDlgItem(editor, controlIdOf(row));
}
HWND valueBoxOf(HWND editor, std::size_t row) {
    return GetDlgItem(editor, controlIdOf(row) + 1);
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

/// Wheel messages that reached the host's window.
int hostWheels = 0;

LRESULT CALLBACK hostProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam) {
    if (message == WM_MOUSEWHEEL) {
        ++hostWheels;
        return 0;
    }
    return DefWindowProcW(window, message, wParam, lParam);
}

HWND makeHostWindow() {
    WNDCLASSEXW windowClass{};
    windowClass.cbSize = sizeof windowClass;
    windowClass.lpfnWndProc = hostProcedure;
    windowClass.hInstance = GetModuleHandleW(nullptr);
    windowClass.lpszClassName = L"VstKitWin32EditorTestHost";
    RegisterClassExW(&windowClass);
    return CreateWindowExW(0, windowClass.lpszClassName, L"test host", WS_POPUP | WS_VISIBLE, 0, 0,
                           800, 400, nullptr, nullptr, windowClass.hInstance, nullptr);
}

/// The font's pixel height from fontDescription() ("Face 17 px").
int fontPixels(const std::string& description) {
    const auto end = description.rfind(" px");
    const auto start = description.rfind(' ', end - 1);
    return end == std::string::npos || start == std::string::npos
               ? 0
               : std::atoi(description.substr(start + 1, end - start - 1).c_str());
}

/// --dpi N: Windows says the host's window is at N dpi (the stage sets
/// Wine's LogPixels), and the host gives no content scale. The editor opens
/// at N / 96 of its natural size, asks the host for that size, and draws its
/// text that much larger.
int checkDpi(int dpi) {
    const HWND host = makeHostWindow();
    RecordingAccess access;
    vstkit::ui::Editor editor{kTable, access, "Win32 Test"};
    const int naturalWidth = editor.width();
    const int naturalHeight = editor.height();
    expect(editor.open(reinterpret_cast<vstkit::ui::NativeWindow>(host)),
           "opens in the host's window: " + editor.error());
    const double scale = dpi / 96.0;
    const int wantedWidth = static_cast<int>(std::lround(naturalWidth * scale));
    const int wantedHeight = static_cast<int>(std::lround(naturalHeight * scale));
    RECT client{};
    GetClientRect(reinterpret_cast<HWND>(editor.nativeWindow()), &client);
    expect(std::abs(editor.width() - wantedWidth) <= 1 &&
               std::abs(editor.height() - wantedHeight) <= 1 && client.right == editor.width() &&
               client.bottom == editor.height(),
           "at " + std::to_string(dpi) + " dpi it opens at " + std::to_string(editor.width()) +
               "x" + std::to_string(editor.height()) + " (natural " + std::to_string(naturalWidth) +
               "x" + std::to_string(naturalHeight) + ")");
    expect(access.requested == std::array<int, 2>{editor.width(), editor.height()},
           "and asks the host for that size: " + std::to_string(access.requested[0]) + "x" +
               std::to_string(access.requested[1]));
    const int scaledFont = fontPixels(editor.fontDescription());
    editor.setContentScale(1.0F);
    const int naturalFont = fontPixels(editor.fontDescription());
    expect(naturalFont > 0 && std::abs(scaledFont - naturalFont * scale) <= 2.0,
           "its text is " + std::to_string(scaledFont) + " px against " +
               std::to_string(naturalFont) + " px at 96 dpi");
    editor.close();
    DestroyWindow(host);
    std::printf("%d passed, %d failed\n", passes, failures);
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string_view{argv[1]} == "--dpi") {
        return checkDpi(std::atoi(argv[2]));
    }
    if (argc != 1) {
        std::fputs("usage: vstkit_ui_win32_tests [--dpi N]\n", stderr);
        return 2;
    }
    const HWND host = makeHostWindow();
    RecordingAccess access;
    vstkit::ui::Editor editor{kTable, access, "Win32 Test"};
    expect(!editor.isWeb() && editor.connectionFd() == -1,
           "a generic editor, driven by its own timer");
    const int naturalWidth = editor.width();
    const int naturalHeight = editor.height();
    expect(editor.open(reinterpret_cast<vstkit::ui::NativeWindow>(host)),
           "opens in the host's window: " + editor.error());
    const auto window = reinterpret_cast<HWND>(editor.nativeWindow());
    expect(window != nullptr && GetParent(window) == host, "its window is a child of the host's");
    pump(std::chrono::milliseconds(100));

    // The rows: trackbars, a stepped trackbar, a drop-down list, a check box.
    std::array<wchar_t, 64> className{};
    GetClassNameW(controlOf(window, Row::kCutoff), className.data(),
                  static_cast<int>(className.size()));
    expect(std::wstring{className.data()} == TRACKBAR_CLASSW, "Cutoff is a trackbar");
    expect(SendMessageW(controlOf(window, Row::kTranspose), TBM_GETRANGEMAX, 0, 0) == 24,
           "Transpose (-12 to 12) is a trackbar of 24 steps");
    GetClassNameW(controlOf(window, Row::kBypass), className.data(),
                  static_cast<int>(className.size()));
    expect(std::wstring{className.data()} == WC_BUTTONW, "Bypass is a check box");
    expect(SendMessageW(controlOf(window, Row::kMode), CB_GETCOUNT, 0, 0) == 4,
           "Mode is a drop-down list of its 4 labels");
    expect(textOf(valueBoxOf(window, Row::kCutoff)) == L"1000 Hz", "Cutoff's box shows 1000 Hz");
    expect(access.follows > 0, "the editor asks the plugin to follow before it shows values");

    // Typed entry, parsed by the protocol: one whole gesture.
    access.edits.clear();
    typeInto(valueBoxOf(window, Row::kCutoff), L"250 Hz");
    const float at250 = vstkit::protocol::toNormalized(kTable[Row::kCutoff], 250.0F);
    expect(access.count(Call::Begin, Row::kCutoff) == 1 &&
               access.count(Call::End, Row::kCutoff) == 1 &&
               std::abs(access.values[Row::kCutoff] - at250) < 1e-6F,
           "typing 250 Hz and Enter sets Cutoff to 250 Hz in one gesture");
    expect(SendMessageW(controlOf(window, Row::kCutoff), TBM_GETPOS, 0, 0) ==
               std::lround(static_cast<double>(at250) * 1000.0),
           "the trackbar moved to 250 Hz");
    access.edits.clear();
    typeInto(valueBoxOf(window, Row::kCutoff), L"loud");
    expect(access.edits.empty() && std::abs(access.values[Row::kCutoff] - at250) < 1e-6F &&
               textOf(valueBoxOf(window, Row::kCutoff)) == L"loud",
           "typing 'loud' changes nothing and leaves the text to mend");
    SendMessageW(valueBoxOf(window, Row::kCutoff), WM_KEYDOWN, VK_ESCAPE, 0);
    expect(textOf(valueBoxOf(window, Row::kCutoff)) == L"250 Hz", "Escape shows the value again");
    typeInto(valueBoxOf(window, Row::kMode), L"notch");
    expect(std::abs(access.values[Row::kMode] - 1.0F) < 1e-6F &&
               SendMessageW(controlOf(window, Row::kMode), CB_GETCURSEL, 0, 0) == 3,
           "typing a choice's label selects it");
    // U+2212, the minus sign a keyboard layout or a copied value may give.
    typeInto(valueBoxOf(window, Row::kTranspose), L"\u22125 st");
    expect(std::abs(access.values[Row::kTranspose] -
                    vstkit::protocol::toNormalized(kTable[Row::kTranspose], -5.0F)) < 1e-6F &&
               textOf(valueBoxOf(window, Row::kTranspose)) == L"-5 st",
           "typing \u2212 5 st (U+2212) sets Transpose to -5 st");

    // A drag on the trackbar: one begin, performs, one end.
    access.edits.clear();
    RECT channel{};
    const HWND cutoff = controlOf(window, Row::kCutoff);
    SendMessageW(cutoff, TBM_GETCHANNELRECT, 0, reinterpret_cast<LPARAM>(&channel));
    dragTrackbar(cutoff, (channel.left + channel.right) / 2, channel.left, true);
    pump(std::chrono::milliseconds(50));
    expect(access.count(Call::Begin, Row::kCutoff) == 1 &&
               access.count(Call::Perform, Row::kCutoff) >= 2 &&
               access.count(Call::End, Row::kCutoff) == 1 && access.values[Row::kCutoff] < 0.01F,
           "a drag to the left end is one begin, " +
               std::to_string(access.count(Call::Perform, Row::kCutoff)) +
               " performs and one end, down to " + std::to_string(access.values[Row::kCutoff]));

    // A press beside the thumb but outside its height: the trackbar does not
    // drag, and the jump is one whole gesture.
    access.edits.clear();
    RECT thumb{};
    SendMessageW(cutoff, TBM_GETTHUMBRECT, 0, reinterpret_cast<LPARAM>(&thumb));
    const int besideThumb = thumb.right + (channel.right - thumb.right) / 2;
    SendMessageW(cutoff, WM_LBUTTONDOWN, MK_LBUTTON, MAKELPARAM(besideThumb, 0));
    SendMessageW(cutoff, WM_LBUTTONUP, 0, MAKELPARAM(besideThumb, 0));
    pump(std::chrono::milliseconds(50));
    expect(access.count(Call::Begin, Row::kCutoff) == access.count(Call::End, Row::kCutoff) &&
               access.count(Call::Begin, Row::kCutoff) >= 1,
           "a press above the channel beside the thumb: " +
               std::to_string(access.count(Call::Begin, Row::kCutoff)) + " begin, " +
               std::to_string(access.count(Call::End, Row::kCutoff)) + " end");

    // The check box and the list: one gesture each.
    access.edits.clear();
    SendMessageW(controlOf(window, Row::kBypass), BM_CLICK, 0, 0);
    expect(access.count(Call::Begin, Row::kBypass) == 1 &&
               access.count(Call::End, Row::kBypass) == 1 && access.values[Row::kBypass] == 1.0F,
           "a click on Bypass turns it on in one gesture");
    SendMessageW(controlOf(window, Row::kMode), CB_SETCURSEL, 1, 0);
    SendMessageW(window, WM_COMMAND, MAKEWPARAM(controlIdOf(Row::kMode), CBN_SELCHANGE),
                 reinterpret_cast<LPARAM>(controlOf(window, Row::kMode)));
    expect(std::abs(access.values[Row::kMode] - 1.0F / 3.0F) < 1e-6F,
           "choosing High-pass (the second label) sets Mode to 1/3");

    // The host's automation moves the controls at the next timer tick.
    access.values[Row::kCutoff] = vstkit::protocol::toNormalized(kTable[Row::kCutoff], 2000.0F);
    access.values[Row::kTranspose] = vstkit::protocol::toNormalized(kTable[Row::kTranspose], 5.0F);
    access.values[Row::kBypass] = 0.0F;
    access.edits.clear();
    pump(std::chrono::milliseconds(120));
    expect(textOf(valueBoxOf(window, Row::kCutoff)) == L"2000 Hz" &&
               SendMessageW(controlOf(window, Row::kTranspose), TBM_GETPOS, 0, 0) == 17 &&
               SendMessageW(controlOf(window, Row::kBypass), BM_GETCHECK, 0, 0) == BST_UNCHECKED,
           "host values are followed: Cutoff 2000 Hz, Transpose 5 st, Bypass off");
    expect(access.edits.empty(), "following the host sends no edits back");

    // Content scale: twice the size, twice the font.
    editor.setContentScale(2.0F);
    RECT scaled{};
    GetClientRect(window, &scaled);
    expect(editor.width() == 2 * naturalWidth && editor.height() == 2 * naturalHeight &&
               scaled.right == editor.width() && scaled.bottom == editor.height(),
           "content scale 2: " + std::to_string(editor.width()) + "x" +
               std::to_string(editor.height()) + " (natural " + std::to_string(naturalWidth) + "x" +
               std::to_string(naturalHeight) + "), font " + editor.fontDescription());
    // Every window with text (trackbars have none, and keep no font).
    std::vector<HFONT> fonts;
    EnumChildWindows(
        window,
        [](HWND child, LPARAM list) {
            std::array<wchar_t, 64> name{};
            GetClassNameW(child, name.data(), static_cast<int>(name.size()));
            if (std::wstring{name.data()} != TRACKBAR_CLASSW) {
                reinterpret_cast<std::vector<HFONT>*>(list)->push_back(
                    reinterpret_cast<HFONT>(SendMessageW(child, WM_GETFONT, 0, 0)));
            }
            return TRUE;
        },
        reinterpret_cast<LPARAM>(&fonts));
    // Three windows a row, less the four trackbars.
    expect(fonts.size() == 3 * kTable.size() - 4 && fonts.front() != nullptr &&
               std::all_of(fonts.begin(), fonts.end(),
                           [&fonts](HFONT font) { return font == fonts.front(); }),
           "every one of the " + std::to_string(fonts.size()) +
               " names, boxes and lists took the new scale's font");
    // At 1.25 a 34 px row is placed 43 px tall (42.5 rounded): the height
    // must be summed the same way, or many rows outgrow the window.
    editor.setContentScale(1.25F);
    const int rowsHeight = 55 + static_cast<int>(kTable.size()) * 43 + 15;
    expect(editor.height() == rowsHeight,
           "content scale 1.25: " + std::to_string(editor.height()) + " px tall (header 55, " +
               std::to_string(kTable.size()) +
               " rows of 43, margin 15: " + std::to_string(rowsHeight) + ")");
    editor.setContentScale(1.0F);
    expect(!editor.resize(editor.minimumWidth() - 1, editor.height()) &&
               editor.resize(editor.minimumWidth() + 50, editor.height()),
           "a width below the minimum is refused, one above it taken");

    // A window shorter than the rows scrolls them, as the Linux editor does.
    const std::size_t lastRow = kTable.size() - 1;
    const auto topOf = [window](HWND child) {
        RECT area{};
        GetWindowRect(child, &area);
        MapWindowPoints(nullptr, window, reinterpret_cast<POINT*>(&area), 2);
        return area;
    };
    const auto scrollPosition = [window] {
        SCROLLINFO bar{};
        bar.cbSize = sizeof bar;
        bar.fMask = SIF_ALL;
        GetScrollInfo(window, SB_VERT, &bar);
        return bar;
    };
    const int firstTop = static_cast<int>(topOf(controlOf(window, 0)).top);
    expect(editor.minimumHeight() < editor.height() / 2 &&
               !editor.resize(editor.width(), editor.minimumHeight() - 1) &&
               editor.resize(editor.width(), editor.minimumHeight()),
           "the smallest height is the header and one row (" +
               std::to_string(editor.minimumHeight()) + " of " + std::to_string(editor.height()) +
               "), one pixel less is refused");
    RECT client{};
    GetClientRect(window, &client);
    SCROLLINFO bar = scrollPosition();
    expect((GetWindowLongW(window, GWL_STYLE) & WS_VSCROLL) != 0 && bar.nPos == 0 &&
               bar.nMax + 1 == editor.height() &&
               static_cast<int>(bar.nPage) == editor.minimumHeight() &&
               topOf(valueBoxOf(window, lastRow)).top >= client.bottom,
           "a scroll bar shows, the last row below the window");
    SendMessageW(window, WM_VSCROLL, SB_BOTTOM, 0);
    GetClientRect(window, &client);
    const RECT lastBox = topOf(valueBoxOf(window, lastRow));
    expect(lastBox.top >= 0 && lastBox.bottom <= client.bottom &&
               topOf(controlOf(window, 0)).bottom <= 0 &&
               scrollPosition().nPos == editor.height() - editor.minimumHeight(),
           "scrolled to the bottom: the last row shown, the first above the window");
    const int bottomPosition = scrollPosition().nPos;
    SendMessageW(window, WM_MOUSEWHEEL, MAKEWPARAM(0, WHEEL_DELTA), 0);
    expect(scrollPosition().nPos == bottomPosition - 34,
           "a wheel notch up scrolls one row (34 px)");
    // Focus coming back from another window (Alt-Tab) leaves the rows alone.
    SetFocus(host);
    SetFocus(controlOf(window, 0));
    expect(scrollPosition().nPos == bottomPosition - 34,
           "the focus coming from another window onto a hidden row leaves the rows where they are");
    // Tab from one control to another: the row comes into view.
    SetFocus(valueBoxOf(window, 0));
    const RECT firstBox = topOf(valueBoxOf(window, 0));
    expect(firstBox.top >= 0 && firstBox.bottom <= client.bottom,
           "the keyboard focus moved onto a hidden row scrolls it into view");
    // The wheel: the slider under the pointer takes it, as on Linux; with
    // the pointer elsewhere it scrolls even though Windows sends it to the
    // focused slider.
    const HWND cutoffTrack = controlOf(window, Row::kCutoff);
    SetFocus(cutoffTrack);
    access.edits.clear();
    const float cutoffBefore = access.values[Row::kCutoff];
    const int positionBefore = scrollPosition().nPos;
    RECT track{};
    GetWindowRect(cutoffTrack, &track);
    SendMessageW(cutoffTrack, WM_MOUSEWHEEL, MAKEWPARAM(0, WHEEL_DELTA),
                 MAKELPARAM((track.left + track.right) / 2, (track.top + track.bottom) / 2));
    expect(access.count(Call::Begin, Row::kCutoff) == 1 &&
               access.count(Call::End, Row::kCutoff) == 1 &&
               access.values[Row::kCutoff] > cutoffBefore &&
               scrollPosition().nPos == positionBefore,
           "the wheel over the focused Cutoff slider nudges it up in one gesture");
    access.edits.clear();
    SendMessageW(cutoffTrack, WM_MOUSEWHEEL, MAKEWPARAM(0, -WHEEL_DELTA), MAKELPARAM(3000, 3000));
    expect(access.edits.empty() && scrollPosition().nPos == positionBefore + 34,
           "the wheel elsewhere, sent to the focused slider, scrolls a row and leaves its value");
    // A fine-grained wheel: half a notch does nothing yet, the second half a row.
    const auto halfNotchDown = static_cast<WORD>(-WHEEL_DELTA / 2);
    SendMessageW(window, WM_MOUSEWHEEL, MAKEWPARAM(0, halfNotchDown), 0);
    const bool halfKept = scrollPosition().nPos == positionBefore + 34;
    SendMessageW(window, WM_MOUSEWHEEL, MAKEWPARAM(0, halfNotchDown), 0);
    expect(halfKept && scrollPosition().nPos == positionBefore + 68,
           "two half notches of a fine wheel scroll one row, the first alone none");
    expect(editor.resize(editor.width(), editor.height()) &&
               (GetWindowLongW(window, GWL_STYLE) & WS_VSCROLL) == 0 &&
               topOf(controlOf(window, 0)).top == firstTop,
           "at the natural height again: no scroll bar, the rows where they were");
    const int wheelsBefore = hostWheels;
    SendMessageW(window, WM_MOUSEWHEEL, MAKEWPARAM(0, -WHEEL_DELTA), 0);
    expect(hostWheels == wheelsBefore + 1 && scrollPosition().nPos == 0,
           "with nothing to scroll, the wheel goes on to the host's window");

    // Tab and Shift-Tab move through the rows without a dialog loop in the host.
    SetFocus(controlOf(window, 0));
    SendMessageW(controlOf(window, 0), WM_KEYDOWN, VK_TAB, 0);
    const bool tabToOwnBox = GetFocus() == valueBoxOf(window, 0);
    SendMessageW(valueBoxOf(window, 0), WM_KEYDOWN, VK_TAB, 0);
    const bool tabToNextRow = GetFocus() == controlOf(window, 1);
    std::array<BYTE, 256> keys{};
    GetKeyboardState(keys.data());
    keys[VK_SHIFT] = 0x80;
    SetKeyboardState(keys.data());
    SendMessageW(controlOf(window, 1), WM_KEYDOWN, VK_TAB, 0);
    keys[VK_SHIFT] = 0;
    SetKeyboardState(keys.data());
    expect(tabToOwnBox && tabToNextRow && GetFocus() == valueBoxOf(window, 0),
           "Tab moves from a row's control to its box and on to the next row, Shift-Tab back");
    // A host that does run a dialog loop keeps Tab, and gives the box Enter and Escape.
    MSG tab{valueBoxOf(window, 0), WM_KEYDOWN, VK_TAB, 0, 0, {}};
    MSG enter{valueBoxOf(window, 0), WM_KEYDOWN, VK_RETURN, 0, 0, {}};
    const auto dialogCode = [&window](MSG& pending) {
        return SendMessageW(valueBoxOf(window, 0), WM_GETDLGCODE, pending.wParam,
                            reinterpret_cast<LPARAM>(&pending));
    };
    expect((dialogCode(tab) & (DLGC_WANTALLKEYS | DLGC_WANTMESSAGE | DLGC_WANTTAB)) == 0 &&
               (dialogCode(enter) & DLGC_WANTMESSAGE) != 0,
           "to a dialog loop the value box wants Enter and Escape, not Tab");

    // Closing mid-drag ends the gesture.
    access.edits.clear();
    SendMessageW(cutoff, TBM_GETCHANNELRECT, 0, reinterpret_cast<LPARAM>(&channel));
    dragTrackbar(cutoff, channel.left + 2, channel.right, false);
    editor.close();
    expect(
        access.count(Call::Begin, Row::kCutoff) == 1 && access.count(Call::End, Row::kCutoff) == 1,
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
