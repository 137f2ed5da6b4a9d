// Does to a top-level X11 window what a person would, for the standalone
// app's tests under Xvfb (no window manager runs there):
//
//   x11_window_user TITLE close     the window manager's close button: a
//                                   WM_DELETE_WINDOW client message
//   x11_window_user TITLE click X Y a left click at X, Y from the window's
//                                   top-left corner; negative values count
//                                   from the right and bottom edges
//   x11_window_user TITLE resize W H  drags the window's corner to W x H
//   x11_window_user TITLE child-size  prints "W H" of the window's first
//                                   child (the embedded editor)
//
// Exits 0 once done, 1 if no top-level window has that title.
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>

namespace {

/// Lets the app see each input event on its own, as from a real hand.
constexpr auto kHandPause = std::chrono::milliseconds{50};

bool hasTitle(Display* display, Window window, const char* title) {
    char* name = nullptr;
    const bool matches =
        XFetchName(display, window, &name) != 0 && name != nullptr && std::strcmp(name, title) == 0;
    if (name != nullptr) {
        XFree(name);
    }
    return matches;
}

Window findTopLevel(Display* display, const char* title) {
    Window root = 0;
    Window parent = 0;
    Window* children = nullptr;
    unsigned count = 0;
    Window found = 0;
    if (XQueryTree(display, DefaultRootWindow(display), &root, &parent, &children, &count) != 0) {
        for (unsigned i = 0; i < count && found == 0; ++i) {
            if (hasTitle(display, children[i], title)) {
                found = children[i];
            }
        }
        XFree(children);
    }
    return found;
}

void close(Display* display, Window window) {
    XEvent message{};
    message.xclient.type = ClientMessage;
    message.xclient.window = window;
    message.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
    message.xclient.format = 32;
    message.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
    message.xclient.data.l[1] = CurrentTime;
    XSendEvent(display, window, False, NoEventMask, &message);
    XSync(display, False);
}

void click(Display* display, Window window, int x, int y) {
    XWindowAttributes attributes{};
    XGetWindowAttributes(display, window, &attributes);
    const int fromLeft = x >= 0 ? x : attributes.width + x;
    const int fromTop = y >= 0 ? y : attributes.height + y;
    int screenX = 0;
    int screenY = 0;
    Window child = 0;
    XTranslateCoordinates(display, window, DefaultRootWindow(display), fromLeft, fromTop, &screenX,
                          &screenY, &child);
    XTestFakeMotionEvent(display, -1, screenX, screenY, CurrentTime);
    XSync(display, False);
    std::this_thread::sleep_for(kHandPause);
    XTestFakeButtonEvent(display, 1, True, CurrentTime);
    XSync(display, False);
    std::this_thread::sleep_for(kHandPause);
    XTestFakeButtonEvent(display, 1, False, CurrentTime);
    XSync(display, False);
}

void resize(Display* display, Window window, int width, int height) {
    XResizeWindow(display, window, static_cast<unsigned>(width), static_cast<unsigned>(height));
    XSync(display, False);
}

bool printChildSize(Display* display, Window window) {
    Window root = 0;
    Window parent = 0;
    Window* children = nullptr;
    unsigned count = 0;
    if (XQueryTree(display, window, &root, &parent, &children, &count) == 0 || count == 0) {
        return false;
    }
    XWindowAttributes attributes{};
    const bool found = XGetWindowAttributes(display, children[0], &attributes) != 0;
    XFree(children);
    if (found) {
        std::printf("%d %d\n", attributes.width, attributes.height);
    }
    return found;
}

}  // namespace

int main(int argc, char** argv) {
    const bool closing = argc == 3 && std::string_view{argv[2]} == "close";
    const bool clicking = argc == 5 && std::string_view{argv[2]} == "click";
    const bool resizing = argc == 5 && std::string_view{argv[2]} == "resize";
    const bool measuring = argc == 3 && std::string_view{argv[2]} == "child-size";
    if (!closing && !clicking && !resizing && !measuring) {
        std::fprintf(stderr,
                     "usage: x11_window_user TITLE close | TITLE click X Y | TITLE resize W H | "
                     "TITLE child-size\n");
        return 1;
    }
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "x11_window_user: no X display\n");
        return 1;
    }
    const Window window = findTopLevel(display, argv[1]);
    if (window == 0) {
        std::fprintf(stderr, "x11_window_user: no window titled \"%s\"\n", argv[1]);
        XCloseDisplay(display);
        return 1;
    }
    bool done = true;
    if (closing) {
        close(display, window);
    } else if (clicking) {
        click(display, window, std::atoi(argv[3]), std::atoi(argv[4]));
    } else if (resizing) {
        resize(display, window, std::atoi(argv[3]), std::atoi(argv[4]));
    } else {
        done = printChildSize(display, window);
    }
    XCloseDisplay(display);
    return done ? 0 : 1;
}
