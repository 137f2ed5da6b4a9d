// ui::Editor on Windows: the generic editor made of Win32's own controls
// (trackbars, check boxes, drop-down lists, edit boxes) in a child window of
// the host's HWND. Debian has no Dear ImGui for Windows and no web view SDK,
// so a plugin with a web page shows this editor on Windows too.
#include <windows.h>

#include <commctrl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parameter_row.h"
#include "vstkit/ui/editor.h"
#include "wheel_notches.h"
#include "wide_text.h"
#include "win32_metrics.h"

namespace vstkit::ui {

/// Windows has no web editor yet; the type exists for Editor's member.
class WebEditorSession {};

namespace {

constexpr wchar_t kWindowClass[] = L"VstKitGenericEditor";
constexpr UINT_PTR kFollowTimer = 1;
/// About 30 times a second, as the Linux editor is driven.
constexpr UINT kFollowIntervalMs = 33;
constexpr int kFirstControlId = 100;
constexpr float kDefaultDpi = 96.0F;

/// The module (the plugin's DLL) this code is in: its window class belongs to it.
HINSTANCE thisModule() noexcept {
    HMODULE module = nullptr;
    GetModuleHandleExW(
        GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
        reinterpret_cast<LPCWSTR>(&thisModule), &module);
    return module;
}

/// Editors open in this module now: the window class is unregistered with
/// the last, so a host that unloads the module leaves no class behind.
int openEditors = 0;

/// The window's DPI: GetDpiForWindow where Windows has it (10, version 1607
/// on), looked up at run time so the module still loads on older Windows,
/// else the screen's.
UINT dpiOf(HWND window) noexcept {
    using GetDpiForWindowFunction = UINT(WINAPI*)(HWND);
    // Through void (*)(): the one cast GCC accepts between unrelated function types.
    const auto function = reinterpret_cast<GetDpiForWindowFunction>(reinterpret_cast<void (*)()>(
        GetProcAddress(GetModuleHandleW(L"user32.dll"), "GetDpiForWindow")));
    if (function != nullptr) {
        return function(window);
    }
    HDC context = GetDC(window);
    const int dpi = GetDeviceCaps(context, LOGPIXELSX);
    ReleaseDC(window, context);
    return dpi > 0 ? static_cast<UINT>(dpi) : 96U;
}

float sanitizeScale(float scale) noexcept {
    return scale > 0.25F && scale <= 8.0F ? scale : 1.0F;
}

LRESULT CALLBACK editorProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam);
LRESULT CALLBACK valueBoxProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                   UINT_PTR id, DWORD_PTR row);
LRESULT CALLBACK trackbarProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                   UINT_PTR id, DWORD_PTR row);
LRESULT CALLBACK rowControlProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                     UINT_PTR id, DWORD_PTR row);

/// Everything an open editor has; Editor::Session is this.
struct WindowState {
    WindowState(std::span<const protocol::ParamSpec> parameters, ParameterAccess& editorAccess,
                std::string_view editorTitle)
        : access(editorAccess), title(win32::widen(editorTitle)) {
        rows.reserve(parameters.size());
        for (std::size_t index = 0; index < parameters.size(); ++index) {
            rows.emplace_back(parameters[index], index,
                              kFirstControlId + 2 * static_cast<int>(index));
        }
    }
    ~WindowState() {
        if (window != nullptr && IsWindow(window)) {
            KillTimer(window, kFollowTimer);
            SetWindowLongPtrW(window, GWLP_USERDATA, 0);
            DestroyWindow(window);
        }
        deleteFonts();
    }
    WindowState(const WindowState&) = delete;
    WindowState& operator=(const WindowState&) = delete;

    /// Fonts at the current scale, handed to every row before the old ones go:
    /// a control must never hold a deleted font.
    void makeFonts() {
        const HFONT oldBody = bodyFont;
        const HFONT oldTitle = titleFont;
        bodyFont = CreateFontW(-win32::Metrics::scaled(win32::Metrics::kBodyFontHeight, scale), 0,
                               0, 0, FW_NORMAL, FALSE, FALSE, FALSE, DEFAULT_CHARSET,
                               OUT_DEFAULT_PRECIS, CLIP_DEFAULT_PRECIS, CLEARTYPE_QUALITY,
                               DEFAULT_PITCH | FF_SWISS, L"Segoe UI");
        titleFont = CreateFontW(-win32::Metrics::scaled(win32::Metrics::kTitleFontHeight, scale), 0,
                                0, 0, FW_BOLD, FALSE, FALSE, FALSE, DEFAULT_CHARSET,
                                OUT_DEFAULT_PRECIS, CLIP_DEFAULT_PRECIS, CLEARTYPE_QUALITY,
                                DEFAULT_PITCH | FF_SWISS, L"Segoe UI");
        for (auto& row : rows) {
            row.setFont(bodyFont);
        }
        for (const HFONT old : {oldBody, oldTitle}) {
            if (old != nullptr) {
                DeleteObject(old);
            }
        }
    }
    void deleteFonts() noexcept {
        for (HFONT* font : {&bodyFont, &titleFont}) {
            if (*font != nullptr) {
                DeleteObject(*font);
                *font = nullptr;
            }
        }
    }

    /// The rows' height with the header and the bottom margin.
    [[nodiscard]] int contentHeight() const noexcept {
        return win32::Metrics::heightFor(rows.size(), scale);
    }
    [[nodiscard]] int maxScroll() const noexcept {
        RECT client{};
        GetClientRect(window, &client);
        return std::max(0, contentHeight() - static_cast<int>(client.bottom));
    }

    /// Lays the rows out in the window's client area, scrolled by
    /// `scrollOffset`; a window shorter than the rows gets a scroll bar.
    void place() noexcept {
        if (window == nullptr) {
            return;
        }
        RECT client{};
        GetClientRect(window, &client);
        scrollOffset = std::clamp(scrollOffset, 0, maxScroll());
        SCROLLINFO bar{};
        bar.cbSize = sizeof bar;
        bar.fMask = SIF_RANGE | SIF_PAGE | SIF_POS;
        bar.nMax = contentHeight() - 1;
        bar.nPage = static_cast<UINT>(std::max(0, static_cast<int>(client.bottom)));
        bar.nPos = scrollOffset;
        // Showing or hiding the bar changes the client width: measured again below.
        SetScrollInfo(window, SB_VERT, &bar, TRUE);
        GetClientRect(window, &client);
        int top = win32::Metrics::scaled(win32::Metrics::kHeaderHeight, scale) - scrollOffset;
        for (auto& row : rows) {
            row.place(top, static_cast<int>(client.right), scale);
            top += win32::Metrics::scaled(win32::Metrics::kRowHeight, scale);
        }
        // The children too: a moved row must not leave its old pixels behind.
        RedrawWindow(window, nullptr, nullptr, RDW_INVALIDATE | RDW_ERASE | RDW_ALLCHILDREN);
    }

    void scrollTo(int offset) noexcept {
        const int clamped = std::clamp(offset, 0, maxScroll());
        if (clamped != scrollOffset) {
            scrollOffset = clamped;
            place();
        }
    }

    /// WM_VSCROLL: arrows a row, the track a page, the thumb where it is dragged.
    void onScrollBar(int code) noexcept {
        const int row = win32::Metrics::scaled(win32::Metrics::kRowHeight, scale);
        SCROLLINFO bar{};
        bar.cbSize = sizeof bar;
        bar.fMask = SIF_ALL;
        GetScrollInfo(window, SB_VERT, &bar);
        switch (code) {
            case SB_LINEUP:
                scrollTo(scrollOffset - row);
                break;
            case SB_LINEDOWN:
                scrollTo(scrollOffset + row);
                break;
            case SB_PAGEUP:
                scrollTo(scrollOffset - static_cast<int>(bar.nPage));
                break;
            case SB_PAGEDOWN:
                scrollTo(scrollOffset + static_cast<int>(bar.nPage));
                break;
            case SB_THUMBTRACK:
            case SB_THUMBPOSITION:
                scrollTo(bar.nTrackPos);
                break;
            case SB_TOP:
                scrollTo(0);
                break;
            case SB_BOTTOM:
                scrollTo(maxScroll());
                break;
            default:
                break;
        }
    }

    /// A control that takes the keyboard focus (Tab) is scrolled into view.
    void reveal(HWND child) noexcept {
        RECT area{};
        GetWindowRect(child, &area);
        MapWindowPoints(nullptr, window, reinterpret_cast<POINT*>(&area), 2);
        RECT client{};
        GetClientRect(window, &client);
        const int margin = win32::Metrics::scaled(win32::Metrics::kMargin, scale);
        if (area.top < client.top) {
            scrollTo(scrollOffset + static_cast<int>(area.top) - margin);
        } else if (area.bottom > client.bottom) {
            scrollTo(scrollOffset + static_cast<int>(area.bottom - client.bottom) + margin);
        }
    }

    void follow() noexcept {
        access.followPlugin();
        for (auto& row : rows) {
            row.follow(access);
        }
    }

    win32::ParameterRow* rowOf(int id) noexcept {
        const auto found =
            std::find_if(rows.begin(), rows.end(), [id](const auto& row) { return row.owns(id); });
        return found != rows.end() ? &*found : nullptr;
    }
    win32::ParameterRow* rowOfWindow(HWND child) noexcept {
        const auto found = std::find_if(rows.begin(), rows.end(),
                                        [child](const auto& row) { return row.ownsWindow(child); });
        return found != rows.end() ? &*found : nullptr;
    }

    void paintHeader(HDC context) const noexcept {
        RECT area{};
        GetClientRect(window, &area);
        area.left = win32::Metrics::scaled(win32::Metrics::kMargin, scale);
        area.top = -scrollOffset;
        area.bottom = win32::Metrics::scaled(win32::Metrics::kHeaderHeight, scale) - scrollOffset;
        const HGDIOBJ previous = SelectObject(context, titleFont);
        SetBkMode(context, TRANSPARENT);
        DrawTextW(context, title.c_str(), static_cast<int>(title.size()), &area,
                  DT_LEFT | DT_VCENTER | DT_SINGLELINE | DT_NOPREFIX);
        SelectObject(context, previous);
    }

    ParameterAccess& access;
    std::wstring title;
    std::vector<win32::ParameterRow> rows;
    HWND window = nullptr;
    HFONT bodyFont = nullptr;
    HFONT titleFont = nullptr;
    float scale = 1.0F;
    /// How far the rows are scrolled up, in pixels.
    int scrollOffset = 0;
    win32::WheelNotches wheel;
};

/// The editor window's procedure: the rows' notifications, the follow timer
/// and the header. GWLP_USERDATA holds the Session while it lives.
LRESULT CALLBACK editorProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam) {
    auto* session = reinterpret_cast<WindowState*>(GetWindowLongPtrW(window, GWLP_USERDATA));
    if (session == nullptr) {
        return DefWindowProcW(window, message, wParam, lParam);
    }
    switch (message) {
        case WM_HSCROLL:
            if (auto* row = session->rowOfWindow(reinterpret_cast<HWND>(lParam))) {
                row->onScroll(session->access, LOWORD(wParam));
            }
            return 0;
        case WM_COMMAND:
            if (auto* row = session->rowOf(LOWORD(wParam))) {
                row->onCommand(session->access, LOWORD(wParam), HIWORD(wParam));
            }
            return 0;
        case WM_VSCROLL:
            session->onScrollBar(LOWORD(wParam));
            return 0;
        case WM_MOUSEWHEEL: {
            if (session->maxScroll() == 0) {
                // Nothing to scroll: the host's window may want the wheel.
                return DefWindowProcW(window, message, wParam, lParam);
            }
            // A notch (WHEEL_DELTA) scrolls one row, as the Linux editor's wheel does.
            const int notches = session->wheel.take(GET_WHEEL_DELTA_WPARAM(wParam));
            session->scrollTo(
                session->scrollOffset -
                notches * win32::Metrics::scaled(win32::Metrics::kRowHeight, session->scale));
            return 0;
        }
        case WM_SIZE:
            session->place();
            return 0;
        case WM_TIMER:
            if (wParam == kFollowTimer) {
                session->follow();
            }
            return 0;
        case WM_NCDESTROY:
            // Destroyed with the host's window, before close(): forget the handle.
            session->window = nullptr;
            SetWindowLongPtrW(window, GWLP_USERDATA, 0);
            return DefWindowProcW(window, message, wParam, lParam);
        case WM_PAINT: {
            PAINTSTRUCT paint{};
            HDC context = BeginPaint(window, &paint);
            session->paintHeader(context);
            EndPaint(window, &paint);
            return 0;
        }
        default:
            return DefWindowProcW(window, message, wParam, lParam);
    }
}

/// The value boxes' subclass: Enter sets the typed value, Escape drops it.
LRESULT CALLBACK valueBoxProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                   UINT_PTR /*id*/, DWORD_PTR data) {
    auto* session = reinterpret_cast<WindowState*>(data);
    if (message == WM_KEYDOWN && (wParam == VK_RETURN || wParam == VK_ESCAPE)) {
        if (auto* row = session->rowOfWindow(window)) {
            row->onValueKey(session->access, wParam);
        }
        return 0;
    }
    if (message == WM_GETDLGCODE) {
        // A host whose loop calls IsDialogMessage would take Enter and
        // Escape; Tab it may keep, to move the focus.
        const LRESULT code = DefSubclassProc(window, message, wParam, lParam);
        const auto* pending = reinterpret_cast<const MSG*>(lParam);
        const bool enterOrEscape = pending != nullptr && pending->message == WM_KEYDOWN &&
                                   (pending->wParam == VK_RETURN || pending->wParam == VK_ESCAPE);
        return enterOrEscape ? code | DLGC_WANTMESSAGE : code;
    }
    if (message == WM_CHAR && (wParam == L'\r' || wParam == 0x1B)) {
        return 0;  // Handled at WM_KEYDOWN; a single-line edit box would beep.
    }
    if (message == WM_NCDESTROY) {
        RemoveWindowSubclass(window, valueBoxProcedure, 0);
    }
    return DefSubclassProc(window, message, wParam, lParam);
}

/// The trackbars' subclass: a press beside the thumb moves it there first.
LRESULT CALLBACK trackbarProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                   UINT_PTR /*id*/, DWORD_PTR data) {
    auto* session = reinterpret_cast<WindowState*>(data);
    if (message == WM_LBUTTONDOWN) {
        auto* row = session->rowOfWindow(window);
        if (row != nullptr) {
            row->onPress(session->access, static_cast<short>(LOWORD(lParam)),
                         static_cast<short>(HIWORD(lParam)));
        }
        const LRESULT result = DefSubclassProc(window, message, wParam, lParam);
        // A trackbar that did not start dragging (a press it pages with, or
        // one it ignores) sends no TB_ENDTRACK: the gesture ends here.
        if (row != nullptr && GetCapture() != window) {
            row->release(session->access);
        }
        return result;
    }
    if (message == WM_CAPTURECHANGED) {
        const LRESULT result = DefSubclassProc(window, message, wParam, lParam);
        if (auto* row = session->rowOfWindow(window)) {
            row->release(session->access);
        }
        return result;
    }
    if (message == WM_NCDESTROY) {
        RemoveWindowSubclass(window, trackbarProcedure, 0);
    }
    return DefSubclassProc(window, message, wParam, lParam);
}

/// Every control's outer subclass. Tab and Shift-Tab move the focus through
/// the rows as on Linux, also in a host whose message loop does not (one
/// that calls IsDialogMessage moves it before the control sees the key).
/// The keyboard focus moved onto a row scrolled out of sight scrolls it into
/// view; a click does not, or the rows would move under the pointer. The
/// wheel goes to the control under the pointer only.
LRESULT CALLBACK rowControlProcedure(HWND window, UINT message, WPARAM wParam, LPARAM lParam,
                                     UINT_PTR /*id*/, DWORD_PTR data) {
    if (message == WM_MOUSEWHEEL) {
        // As on Linux, a control under the pointer takes the wheel; the wheel
        // elsewhere (Windows sends it to the focused control) scrolls the rows.
        const POINT pointer{static_cast<short>(LOWORD(lParam)), static_cast<short>(HIWORD(lParam))};
        RECT area{};
        GetWindowRect(window, &area);
        if (PtInRect(&area, pointer) == FALSE) {
            return SendMessageW(GetParent(window), message, wParam, lParam);
        }
        // A trackbar's own wheel (where it has one) goes down for a notch up.
        auto* session = reinterpret_cast<WindowState*>(data);
        if (auto* row = session->rowOfWindow(window);
            row != nullptr && window == row->control() &&
            row->onWheel(session->access, GET_WHEEL_DELTA_WPARAM(wParam))) {
            return 0;
        }
    }
    if (message == WM_KEYDOWN && wParam == VK_TAB && GetKeyState(VK_CONTROL) >= 0) {
        const BOOL backwards = GetKeyState(VK_SHIFT) < 0 ? TRUE : FALSE;
        if (HWND next = GetNextDlgTabItem(GetParent(window), window, backwards)) {
            SetFocus(next);
        }
        return 0;
    }
    if (message == WM_CHAR && wParam == L'\t' && GetKeyState(VK_CONTROL) >= 0) {
        return 0;  // Handled at WM_KEYDOWN.
    }
    // From another of the editor's controls: the keyboard moved it. Focus
    // coming back from another window (Alt-Tab) leaves the rows where they are.
    const auto previous = reinterpret_cast<HWND>(wParam);
    if (message == WM_SETFOCUS && GetKeyState(VK_LBUTTON) >= 0 && previous != nullptr &&
        GetParent(previous) == GetParent(window)) {
        reinterpret_cast<WindowState*>(data)->reveal(window);
    }
    if (message == WM_NCDESTROY) {
        RemoveWindowSubclass(window, rowControlProcedure, 0);
    }
    return DefSubclassProc(window, message, wParam, lParam);
}

bool registerWindowClass(HINSTANCE module) noexcept {
    WNDCLASSEXW existing{};
    existing.cbSize = sizeof existing;
    if (GetClassInfoExW(module, kWindowClass, &existing) != 0) {
        return true;
    }
    WNDCLASSEXW windowClass{};
    windowClass.cbSize = sizeof windowClass;
    windowClass.lpfnWndProc = editorProcedure;
    windowClass.hInstance = module;
    windowClass.hCursor = LoadCursorW(nullptr, reinterpret_cast<LPCWSTR>(IDC_ARROW));
    windowClass.hbrBackground = GetSysColorBrush(COLOR_BTNFACE);
    windowClass.lpszClassName = kWindowClass;
    return RegisterClassExW(&windowClass) != 0;
}

}  // namespace

struct Editor::Session : WindowState {
    using WindowState::WindowState;
};

Editor::Editor(std::span<const protocol::ParamSpec> parameters, ParameterAccess& access,
               std::string_view title, const core::WebUi* /*webUi*/)
    : parameters_(parameters), access_(access), title_(title), webUi_(nullptr) {}

Editor::~Editor() {
    close();
}

bool Editor::isWeb() const noexcept {
    return false;
}
int Editor::bridgeFd() const noexcept {
    return -1;
}
std::string Editor::pageFailure() const {
    return {};
}
bool Editor::pageLoaded() const noexcept {
    return false;
}
long Editor::pageHelperPid() const noexcept {
    return -1;
}
bool Editor::askPage(const std::string& /*expression*/) {
    return false;
}
std::optional<std::string> Editor::takePageAnswer() {
    return std::nullopt;
}

int Editor::width() const noexcept {
    return win32::Metrics::widthFor(win32::Metrics::kNaturalControlWidth, scale_);
}
int Editor::height() const noexcept {
    return win32::Metrics::heightFor(parameters_.size(), scale_);
}
int Editor::currentWidth() const noexcept {
    return width_ > 0 ? width_ : width();
}
int Editor::currentHeight() const noexcept {
    return height_ > 0 ? height_ : height();
}
int Editor::minimumWidth() const noexcept {
    return win32::Metrics::widthFor(win32::Metrics::kMinimumControlWidth, scale_);
}
int Editor::minimumHeight() const noexcept {
    // The header and one row, as on Linux; the rest scroll.
    return win32::Metrics::heightFor(std::min<std::size_t>(parameters_.size(), 1), scale_);
}

void Editor::constrain(int& width, int& height) const noexcept {
    width = std::max(width, minimumWidth());
    height = std::max(height, minimumHeight());
}

void Editor::setContentScale(float scale) noexcept {
    scale_ = sanitizeScale(scale);
    width_ = 0;
    height_ = 0;
    if (session_ && session_->window != nullptr) {
        try {
            // The same rows stay in view.
            session_->scrollOffset = static_cast<int>(
                std::lround(static_cast<float>(session_->scrollOffset) * scale_ / session_->scale));
            session_->scale = scale_;
            session_->makeFonts();
            SetWindowPos(session_->window, nullptr, 0, 0, currentWidth(), currentHeight(),
                         SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOMOVE);
            session_->place();
        } catch (...) {
            // Fonts are GDI objects; nothing here allocates beyond them.
        }
    }
}

bool Editor::open(NativeWindow parent) {
    if (isOpen()) {
        error_ = "the editor is already open";
        return false;
    }
    error_.clear();
    HWND parentWindow = reinterpret_cast<HWND>(parent);
    if (parentWindow == nullptr || IsWindow(parentWindow) == FALSE) {
        error_ = "the host's parent window is not a window";
        return false;
    }
    try {
        INITCOMMONCONTROLSEX controls{sizeof(INITCOMMONCONTROLSEX), ICC_BAR_CLASSES};
        InitCommonControlsEx(&controls);
        const HINSTANCE module = thisModule();
        if (!registerWindowClass(module)) {
            error_ = "cannot register the editor's window class";
            return false;
        }
        // A failure below leaves no class behind when no other editor is open.
        struct ClassKeeper {
            HINSTANCE module;
            bool keep = false;
            ~ClassKeeper() {
                if (!keep && openEditors == 0) {
                    UnregisterClassW(kWindowClass, module);
                }
            }
        } classKeeper{module};
        // A host that gives no content scale still gets the monitor's: the
        // parent window's DPI, as Windows reports it to DPI-aware programs.
        bool askHostForSize = false;
        if (scale_ == 1.0F) {
            const UINT dpi = dpiOf(parentWindow);
            if (dpi != 0 && static_cast<float>(dpi) != kDefaultDpi) {
                scale_ = sanitizeScale(static_cast<float>(dpi) / kDefaultDpi);
                width_ = 0;
                height_ = 0;
                askHostForSize = true;
            }
        }
        auto session = std::make_unique<Session>(parameters_, access_, title_);
        session->scale = scale_;
        session->makeFonts();
        session->window = CreateWindowExW(WS_EX_CONTROLPARENT, kWindowClass, L"",
                                          WS_CHILD | WS_VISIBLE | WS_CLIPCHILDREN | WS_VSCROLL, 0,
                                          0, currentWidth(), currentHeight(), parentWindow, nullptr,
                                          module, nullptr);
        if (session->window == nullptr) {
            error_ =
                "cannot create the editor's window (error " + std::to_string(GetLastError()) + ")";
            return false;
        }
        for (auto& row : session->rows) {
            if (!row.create(session->window, module, session->bodyFont)) {
                error_ = "cannot create the editor's controls";
                return false;
            }
            const auto state =
                reinterpret_cast<DWORD_PTR>(static_cast<WindowState*>(session.get()));
            SetWindowSubclass(row.valueBox(), valueBoxProcedure, 0, state);
            SetWindowSubclass(row.control(), trackbarProcedure, 0, state);
            SetWindowSubclass(row.valueBox(), rowControlProcedure, 0, state);
            SetWindowSubclass(row.control(), rowControlProcedure, 0, state);
        }
        SetWindowLongPtrW(session->window, GWLP_USERDATA,
                          reinterpret_cast<LONG_PTR>(static_cast<WindowState*>(session.get())));
        session->place();
        session->follow();
        SetTimer(session->window, kFollowTimer, kFollowIntervalMs, nullptr);
        session_ = std::move(session);
        ++openEditors;
        classKeeper.keep = true;
        if (askHostForSize) {
            access_.requestResize(currentWidth(), currentHeight());
        }
        return true;
    } catch (...) {
        error_ = "out of memory while opening the editor";
        return false;
    }
}

void Editor::close() noexcept {
    if (!session_) {
        return;
    }
    for (auto& row : session_->rows) {
        row.abandon(access_);
    }
    session_.reset();
    if (--openEditors == 0) {
        UnregisterClassW(kWindowClass, thisModule());
    }
}

bool Editor::isOpen() const noexcept {
    return session_ != nullptr;
}

NativeWindow Editor::nativeWindow() const noexcept {
    return session_ ? reinterpret_cast<NativeWindow>(session_->window) : 0;
}

int Editor::connectionFd() const noexcept {
    return -1;  // Windows delivers the editor's messages to its window procedure.
}

void Editor::idle() noexcept {
    if (session_) {
        session_->follow();
    }
}

bool Editor::resize(int width, int height) noexcept {
    if (width < minimumWidth() || height < minimumHeight()) {
        return false;
    }
    width_ = width;
    height_ = height;
    if (session_ && session_->window != nullptr) {
        SetWindowPos(session_->window, nullptr, 0, 0, width, height,
                     SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOMOVE);
        session_->place();
    }
    return true;
}

std::string Editor::fontDescription() const {
    if (!session_ || session_->bodyFont == nullptr) {
        return {};
    }
    HDC context = GetDC(session_->window);
    const HGDIOBJ previous = SelectObject(context, session_->bodyFont);
    wchar_t face[LF_FACESIZE] = {};
    GetTextFaceW(context, LF_FACESIZE, face);
    TEXTMETRICW metrics{};
    GetTextMetricsW(context, &metrics);
    SelectObject(context, previous);
    ReleaseDC(session_->window, context);
    return win32::narrow(face) + " " + std::to_string(metrics.tmHeight) + " px";
}

const std::string& Editor::error() const noexcept {
    return error_;
}

}  // namespace vstkit::ui
