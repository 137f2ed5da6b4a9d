#include "x11_input.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <imgui.h>

#include <array>
#include <cfloat>
#include <memory>
#include <new>

namespace vstkit::ui {
namespace {

constexpr unsigned kAnyButtonMask = Button1Mask | Button2Mask | Button3Mask;

/// The ImGui key a keysym stands for, or -1. KeysDown slots are the ImGuiKey values.
[[nodiscard]] int imguiKey(KeySym keysym) noexcept {
    switch (keysym) {
        case XK_Tab:
        case XK_ISO_Left_Tab:
            return ImGuiKey_Tab;
        case XK_Left:
            return ImGuiKey_LeftArrow;
        case XK_Right:
            return ImGuiKey_RightArrow;
        case XK_Up:
            return ImGuiKey_UpArrow;
        case XK_Down:
            return ImGuiKey_DownArrow;
        case XK_Page_Up:
            return ImGuiKey_PageUp;
        case XK_Page_Down:
            return ImGuiKey_PageDown;
        case XK_Home:
            return ImGuiKey_Home;
        case XK_End:
            return ImGuiKey_End;
        case XK_Insert:
            return ImGuiKey_Insert;
        case XK_Delete:
        case XK_KP_Delete:
            return ImGuiKey_Delete;
        case XK_BackSpace:
            return ImGuiKey_Backspace;
        case XK_space:
            return ImGuiKey_Space;
        case XK_Return:
            return ImGuiKey_Enter;
        case XK_Escape:
            return ImGuiKey_Escape;
        case XK_KP_Enter:
            return ImGuiKey_KeyPadEnter;
        case XK_a:
            return ImGuiKey_A;
        case XK_c:
            return ImGuiKey_C;
        case XK_v:
            return ImGuiKey_V;
        case XK_x:
            return ImGuiKey_X;
        case XK_y:
            return ImGuiKey_Y;
        case XK_z:
            return ImGuiKey_Z;
        default:
            return -1;
    }
}

void applyModifiers(unsigned state, ImGuiIO& io) noexcept {
    io.KeyCtrl = (state & ControlMask) != 0;
    io.KeyShift = (state & ShiftMask) != 0;
    io.KeyAlt = (state & Mod1Mask) != 0;
    io.KeySuper = (state & Mod4Mask) != 0;
}

/// The event's state holds the modifiers from before it; a modifier key's own
/// press or release changes them.
void applyModifierKey(KeySym keysym, bool pressed, ImGuiIO& io) noexcept {
    switch (keysym) {
        case XK_Control_L:
        case XK_Control_R:
            io.KeyCtrl = pressed;
            break;
        case XK_Shift_L:
        case XK_Shift_R:
            io.KeyShift = pressed;
            break;
        case XK_Alt_L:
        case XK_Alt_R:
        case XK_Meta_L:
        case XK_Meta_R:
            io.KeyAlt = pressed;
            break;
        case XK_Super_L:
        case XK_Super_R:
            io.KeySuper = pressed;
            break;
        default:
            break;
    }
}

/// Keysyms from 0x01000100 on are Unicode code points plus this.
constexpr KeySym kUnicodeKeysymBase = 0x01000000;
constexpr KeySym kLastUnicodeKeysym = 0x0110FFFF;

/// Feeds UTF-8 text to ImGui without the control characters (Return,
/// BackSpace, Tab, Escape, Delete) that arrive as keys too. In UTF-8 those
/// bytes never occur inside a longer character.
void addText(const char* text, int length, ImGuiIO& io) noexcept {
    std::array<char, 64> chunk{};
    std::size_t used = 0;
    for (int i = 0; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7F) {
            continue;
        }
        // Split only before a character's first byte, so none is cut in two.
        if (used + 4 >= chunk.size() && (byte & 0xC0U) != 0x80U) {
            chunk[used] = '\0';
            io.AddInputCharactersUTF8(chunk.data());
            used = 0;
        }
        if (used + 1 < chunk.size()) {
            chunk[used++] = static_cast<char>(byte);
        }
    }
    chunk[used] = '\0';
    io.AddInputCharactersUTF8(chunk.data());
}

/// UTF-8 from the input method: a plain key's character, a dead key's or a
/// Compose sequence's result, or a whole string an input method server commits.
void addTextFromInputMethod(XIC inputContext, XKeyEvent& event, ImGuiIO& io) noexcept {
    std::array<char, 256> text{};
    KeySym keysym = NoSymbol;
    Status status = XLookupNone;
    int length = Xutf8LookupString(inputContext, &event, text.data(), static_cast<int>(text.size()),
                                   &keysym, &status);
    if (status == XBufferOverflow && length > 0) {
        // The same event again with room for all of it, as Xlib asks.
        const std::unique_ptr<char[]> longer{
            new (std::nothrow) char[static_cast<std::size_t>(length)]};
        if (longer == nullptr) {
            return;
        }
        length = Xutf8LookupString(inputContext, &event, longer.get(), length, &keysym, &status);
        if (status == XLookupChars || status == XLookupBoth) {
            addText(longer.get(), length, io);
        }
        return;
    }
    if (status == XLookupChars || status == XLookupBoth) {
        addText(text.data(), length, io);
    }
}

/// Without an input method: Latin-1 as XLookupString gives it, and the
/// keysyms that stand for a Unicode character directly; no dead keys.
void addTextFromKeysym(XKeyEvent& event, ImGuiIO& io) noexcept {
    std::array<char, 16> text{};
    KeySym keysym = NoSymbol;
    const int length =
        XLookupString(&event, text.data(), static_cast<int>(text.size()), &keysym, nullptr);
    for (int i = 0; i < length; ++i) {
        const auto character = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
        if (character >= 0x20 && character != 0x7F) {
            io.AddInputCharacter(character);
        }
    }
    if (length == 0 && keysym > kUnicodeKeysymBase + 0xFF && keysym <= kLastUnicodeKeysym) {
        io.AddInputCharacter(static_cast<unsigned>(keysym - kUnicodeKeysymBase));
    }
}

void applyKey(const XKeyEvent& event, ImGuiIO& io, XIC inputContext) noexcept {
    const bool pressed = event.type == KeyPress;
    XKeyEvent copy = event;  // Xlib's lookup functions take non-const events.
    applyModifiers(event.state, io);
    const KeySym unshifted = XLookupKeysym(&copy, 0);
    applyModifierKey(unshifted, pressed, io);
    const int key = imguiKey(unshifted);
    if (key >= 0) {
        io.KeysDown[key] = pressed;
    }
    if (!pressed || io.KeyCtrl || io.KeyAlt || io.KeySuper) {
        return;
    }
    // Only ever for a KeyPress: Xutf8LookupString is undefined for a release.
    if (inputContext != nullptr) {
        addTextFromInputMethod(inputContext, copy, io);
    } else {
        addTextFromKeysym(copy, io);
    }
}

void applyButton(const XButtonEvent& event, ImGuiIO& io) noexcept {
    const bool pressed = event.type == ButtonPress;
    io.MousePos = ImVec2{static_cast<float>(event.x), static_cast<float>(event.y)};
    applyModifiers(event.state, io);
    switch (event.button) {
        case Button1:
            io.MouseDown[0] = pressed;
            break;
        case Button3:
            io.MouseDown[1] = pressed;
            break;
        case Button2:
            io.MouseDown[2] = pressed;
            break;
        case Button4:
        case Button5:
            if (pressed) {
                io.MouseWheel += event.button == Button4 ? 1.0F : -1.0F;
            }
            break;
        case 6:
        case 7:
            if (pressed) {
                io.MouseWheelH += event.button == 6 ? 1.0F : -1.0F;
            }
            break;
        default:
            break;
    }
}

}  // namespace

void configureKeyMap(ImGuiIO& io) noexcept {
    for (int key = 0; key < ImGuiKey_COUNT; ++key) {
        io.KeyMap[key] = key;
    }
}

bool changesButtonOrKey(const XEvent& event) noexcept {
    switch (event.type) {
        case ButtonPress:
        case ButtonRelease:
        case KeyPress:
        case KeyRelease:
            return true;
        default:
            return false;
    }
}

InputMethod::InputMethod(Display* display, Window window) noexcept : window_(window) {
    // Xlib reads and converts text in the host's locale (LC_CTYPE), whatever it is.
    if (XSupportsLocale() == False) {
        return;
    }
    // XMODIFIERS names the desktop's input method; when its server is not
    // running, Xlib's own still does dead keys and Compose.
    XSetLocaleModifiers("");
    method_ = XOpenIM(display, nullptr, nullptr, nullptr);
    if (method_ == nullptr) {
        XSetLocaleModifiers("@im=none");
        method_ = XOpenIM(display, nullptr, nullptr, nullptr);
        XSetLocaleModifiers("");
    }
    if (method_ == nullptr) {
        return;
    }
    XIMCallback destroyed{reinterpret_cast<XPointer>(this), &InputMethod::forget};
    XSetIMValues(method_, XNDestroyCallback, &destroyed, nullptr);
    // The method draws nothing of its own: text appears in the field when committed.
    for (const XIMStyle style : {XIMStyle{XIMPreeditNothing | XIMStatusNothing},
                                 XIMStyle{XIMPreeditNone | XIMStatusNone}}) {
        context_ = XCreateIC(method_, XNInputStyle, style, XNClientWindow, window, XNFocusWindow,
                             window, nullptr);
        if (context_ != nullptr) {
            break;
        }
    }
    if (context_ == nullptr) {
        XCloseIM(method_);
        method_ = nullptr;
        return;
    }
    // The window must also deliver whatever events the method asks for.
    unsigned long wanted = 0;
    XWindowAttributes attributes{};
    if (XGetICValues(context_, XNFilterEvents, &wanted, nullptr) == nullptr &&
        XGetWindowAttributes(display, window, &attributes) != 0 &&
        (static_cast<unsigned long>(attributes.your_event_mask) | wanted) !=
            static_cast<unsigned long>(attributes.your_event_mask)) {
        XSelectInput(
            display, window,
            static_cast<long>(static_cast<unsigned long>(attributes.your_event_mask) | wanted));
    }
}

InputMethod::~InputMethod() {
    if (context_ != nullptr) {
        XDestroyIC(context_);
    }
    if (method_ != nullptr) {
        XCloseIM(method_);
    }
}

void InputMethod::forget(XIM /*method*/, XPointer self, XPointer /*callData*/) noexcept {
    auto* const input = reinterpret_cast<InputMethod*>(self);
    input->method_ = nullptr;
    input->context_ = nullptr;
    input->focused_ = false;
}

bool InputMethod::filter(XEvent& event) noexcept {
    if (context_ != nullptr && event.xany.window == window_) {
        // Focus follows the window's: a method server sends a window no text
        // while its context is unfocused. A key may arrive before any FocusIn
        // (focus following the pointer), so it focuses the context too.
        if ((event.type == FocusIn || event.type == KeyPress) && !focused_) {
            XSetICFocus(context_);
            focused_ = true;
        } else if (event.type == FocusOut && focused_) {
            XUnsetICFocus(context_);
            focused_ = false;
        }
    }
    return XFilterEvent(&event, None) == True;
}

bool applyInput(const XEvent& event, ImGuiIO& io, XIC inputContext) noexcept {
    switch (event.type) {
        case MotionNotify:
            io.MousePos =
                ImVec2{static_cast<float>(event.xmotion.x), static_cast<float>(event.xmotion.y)};
            applyModifiers(event.xmotion.state, io);
            return true;
        case ButtonPress:
        case ButtonRelease:
            applyButton(event.xbutton, io);
            return true;
        case KeyPress:
        case KeyRelease:
            applyKey(event.xkey, io, inputContext);
            return true;
        case EnterNotify:
            io.MousePos = ImVec2{static_cast<float>(event.xcrossing.x),
                                 static_cast<float>(event.xcrossing.y)};
            return true;
        case LeaveNotify:
            // While a button is held the drag goes on outside the window.
            if ((event.xcrossing.state & kAnyButtonMask) == 0) {
                io.MousePos = ImVec2{-FLT_MAX, -FLT_MAX};
            }
            return true;
        case FocusIn:
        case FocusOut:
            if (event.xfocus.detail != NotifyPointer) {
                io.AddFocusEvent(event.type == FocusIn);
            }
            return true;
        default:
            return false;
    }
}

}  // namespace vstkit::ui
