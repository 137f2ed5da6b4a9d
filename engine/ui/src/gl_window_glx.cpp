#include "gl_window_glx.h"

#include <GL/glx.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <cstdio>
#include <cstring>

#include "theme.h"
#include "x11_error_trap.h"

namespace vstkit::ui {
namespace {

constexpr long kEventMask = ExposureMask | StructureNotifyMask | ButtonPressMask |
                            ButtonReleaseMask | PointerMotionMask | KeyPressMask | KeyReleaseMask |
                            EnterWindowMask | LeaveWindowMask | FocusChangeMask;

[[nodiscard]] std::string windowName(unsigned long window) {
    char text[32];
    std::snprintf(text, sizeof text, "0x%lx", window);
    return text;
}

[[nodiscard]] bool hasExtension(const char* extensions, const char* name) noexcept {
    if (extensions == nullptr) {
        return false;
    }
    const std::size_t length = std::strlen(name);
    for (const char* at = std::strstr(extensions, name); at != nullptr;
         at = std::strstr(at + length, name)) {
        const bool startsWord = at == extensions || at[-1] == ' ';
        const bool endsWord = at[length] == ' ' || at[length] == '\0';
        if (startsWord && endsWord) {
            return true;
        }
    }
    return false;
}

[[nodiscard]] bool isDoubleBufferedTrueColour(Display* display, XVisualInfo& visual) noexcept {
    int useGl = 0;
    int rgba = 0;
    int doubleBuffer = 0;
    int red = 0;
    return visual.c_class == TrueColor && glXGetConfig(display, &visual, GLX_USE_GL, &useGl) == 0 &&
           useGl != 0 && glXGetConfig(display, &visual, GLX_RGBA, &rgba) == 0 && rgba != 0 &&
           glXGetConfig(display, &visual, GLX_DOUBLEBUFFER, &doubleBuffer) == 0 &&
           doubleBuffer != 0 && glXGetConfig(display, &visual, GLX_RED_SIZE, &red) == 0 && red >= 8;
}

/// The parent's own visual when GL can draw to it double-buffered (it then
/// blends into any parent and reads back like it), else GLX's best choice.
/// Visuals, not GLXFBConfigs: libglvnd remembers every FBConfig it ever
/// returned, which would grow the heap on each open.
[[nodiscard]] XVisualInfo* chooseVisual(Display* display, int screen, const Visual* parentVisual) {
    XVisualInfo wanted{};
    wanted.visualid = XVisualIDFromVisual(const_cast<Visual*>(parentVisual));
    wanted.screen = screen;
    int count = 0;
    XVisualInfo* parents =
        XGetVisualInfo(display, VisualIDMask | VisualScreenMask, &wanted, &count);
    if (parents != nullptr) {
        if (count > 0 && isDoubleBufferedTrueColour(display, parents[0])) {
            return parents;
        }
        XFree(parents);
    }
    int attributes[] = {
        GLX_RGBA, GLX_DOUBLEBUFFER, GLX_RED_SIZE, 8, GLX_GREEN_SIZE, 8, GLX_BLUE_SIZE, 8, None};
    return glXChooseVisual(display, screen, attributes);
}

/// The theme's background as a pixel of a true-colour visual, shown before the first frame.
[[nodiscard]] unsigned long backgroundPixel(const Visual* visual) noexcept {
    const ImU32 packed = palette().background;
    const auto channel = [](unsigned long value, unsigned long mask) {
        if (mask == 0) {
            return 0UL;
        }
        int shift = 0;
        while (((mask >> shift) & 1UL) == 0) {
            ++shift;
        }
        return (value << shift) & mask;
    };
    return channel((packed >> IM_COL32_R_SHIFT) & 0xFFU, visual->red_mask) |
           channel((packed >> IM_COL32_G_SHIFT) & 0xFFU, visual->green_mask) |
           channel((packed >> IM_COL32_B_SHIFT) & 0xFFU, visual->blue_mask);
}

}  // namespace

std::unique_ptr<GlWindow> GlWindow::create(unsigned long parent, int width, int height,
                                           std::string& error) {
    // From here on the destructor frees whatever was made, connection included.
    std::unique_ptr<GlWindow> created{new GlWindow};
    created->display_ = XOpenDisplay(nullptr);
    Display* const display = created->display_;
    if (display == nullptr) {
        const char* name = XDisplayName(nullptr);
        error = std::string{"cannot open X display \""} + (name != nullptr ? name : "") + "\"";
        return nullptr;
    }
    int glxError = 0;
    int glxEvent = 0;
    int glxMajor = 0;
    int glxMinor = 0;
    if (!glXQueryExtension(display, &glxError, &glxEvent) ||
        !glXQueryVersion(display, &glxMajor, &glxMinor) || (glxMajor == 1 && glxMinor < 3)) {
        error = "the X server has no GLX 1.3";
        return nullptr;
    }
    error = created->createWindow(parent, width, height);
    if (!error.empty()) {
        return nullptr;
    }
    return created;
}

std::string GlWindow::createWindow(unsigned long parent, int width, int height) {
    XErrorTrap trap{display_};
    XWindowAttributes parentAttributes{};
    if (XGetWindowAttributes(display_, parent, &parentAttributes) == 0 || trap.failed()) {
        return "the parent " + windowName(parent) + " is not a window";
    }
    const int screen = XScreenNumberOfScreen(parentAttributes.screen);
    XVisualInfo* visual = chooseVisual(display_, screen, parentAttributes.visual);
    if (visual == nullptr) {
        return "no double-buffered true-colour GLX visual";
    }
    colormap_ = XCreateColormap(display_, RootWindow(display_, screen), visual->visual, AllocNone);
    XSetWindowAttributes attributes{};
    attributes.colormap = colormap_;
    attributes.border_pixel = 0;
    attributes.background_pixel = backgroundPixel(visual->visual);
    attributes.event_mask = kEventMask;
    window_ =
        XCreateWindow(display_, parent, 0, 0, static_cast<unsigned>(width),
                      static_cast<unsigned>(height), 0, visual->depth, InputOutput, visual->visual,
                      CWColormap | CWBorderPixel | CWBackPixel | CWEventMask, &attributes);
    context_ = glXCreateContext(display_, visual, nullptr, True);
    XFree(visual);
    if (trap.failed() || window_ == 0) {
        return "cannot create a child window of " + windowName(parent);
    }
    if (context_ == nullptr || trap.failed()) {
        return "cannot create a GLX context";
    }
    XMapWindow(display_, window_);
    disableVsync();
    if (trap.failed()) {
        return "the X server refused the editor window";
    }
    return {};
}

GlWindow::~GlWindow() {
    if (display_ == nullptr) {
        return;
    }
    {
        XErrorTrap trap{display_};
        if (context_ != nullptr) {
            if (glXGetCurrentContext() == context_) {
                glXMakeCurrent(display_, None, nullptr);
            }
            glXDestroyContext(display_, context_);
        }
        if (window_ != 0 && !destroyed_) {
            XDestroyWindow(display_, window_);
        }
        if (colormap_ != 0) {
            XFreeColormap(display_, colormap_);
        }
    }
    XCloseDisplay(display_);
}

int GlWindow::connectionFd() const noexcept {
    return ConnectionNumber(display_);
}

void GlWindow::resize(int width, int height) noexcept {
    if (!destroyed_ && width > 0 && height > 0) {
        XResizeWindow(display_, window_, static_cast<unsigned>(width),
                      static_cast<unsigned>(height));
    }
}

void GlWindow::swapBuffers() noexcept {
    if (!destroyed_) {
        glXSwapBuffers(display_, window_);
    }
}

void GlWindow::disableVsync() noexcept {
    // idle() must never block; a swap that waits for vertical blank would.
    const char* extensions = glXQueryExtensionsString(display_, DefaultScreen(display_));
    if (hasExtension(extensions, "GLX_EXT_swap_control")) {
        const auto setInterval = reinterpret_cast<void (*)(Display*, GLXDrawable, int)>(
            glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXSwapIntervalEXT")));
        if (setInterval != nullptr) {
            setInterval(display_, window_, 0);
        }
    } else if (hasExtension(extensions, "GLX_MESA_swap_control")) {
        const auto setInterval = reinterpret_cast<int (*)(unsigned)>(
            glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXSwapIntervalMESA")));
        const MakeCurrent current{*this};
        if (setInterval != nullptr && current.succeeded()) {
            setInterval(0);
        }
    }
}

GlWindow::MakeCurrent::MakeCurrent(const GlWindow& window) noexcept
    : window_(window),
      previousDisplay_(glXGetCurrentDisplay()),
      previousDraw_(glXGetCurrentDrawable()),
      previousRead_(glXGetCurrentReadDrawable()),
      previousContext_(glXGetCurrentContext()) {
    if (window_.destroyed_) {
        // Releasing leaves no context current, so GL calls are harmless no-ops.
        glXMakeCurrent(window_.display_, None, nullptr);
        return;
    }
    succeeded_ = glXMakeCurrent(window_.display_, window_.window_, window_.context_) == True;
    if (!succeeded_) {
        // Never leave the host's context current for GL calls meant for ours.
        glXMakeCurrent(window_.display_, None, nullptr);
    }
}

GlWindow::MakeCurrent::~MakeCurrent() {
    if (previousContext_ != nullptr && previousContext_ != window_.context_) {
        glXMakeContextCurrent(previousDisplay_, previousDraw_, previousRead_, previousContext_);
    } else if (previousContext_ == nullptr) {
        glXMakeCurrent(window_.display_, None, nullptr);
    }
}

}  // namespace vstkit::ui
