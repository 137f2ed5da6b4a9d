#include "x11_input.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <imgui.h>

#include <cfloat>

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

void applyKey(const XKeyEvent& event, ImGuiIO& io) noexcept {
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
    // Latin-1, which is what ImGui's default font can show anyway.
    char text[16];
    KeySym keysym = NoSymbol;
    const int length = XLookupString(&copy, text, sizeof text, &keysym, nullptr);
    for (int i = 0; i < length; ++i) {
        const auto character = static_cast<unsigned char>(text[i]);
        if (character >= 0x20 && character != 0x7F) {
            io.AddInputCharacter(character);
        }
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

bool applyInput(const XEvent& event, ImGuiIO& io) noexcept {
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
            applyKey(event.xkey, io);
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
