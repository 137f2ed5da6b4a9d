#include "xembed_embedder.h"

#include <X11/Xatom.h>

namespace vstkit::ui {

namespace {

// XEmbed's messages and flags (freedesktop.org's XEmbed protocol, version 0).
constexpr long kEmbeddedNotify = 0;
constexpr long kWindowActivate = 1;
constexpr long kRequestFocus = 3;
constexpr long kFocusIn = 4;
constexpr long kFocusCurrent = 0;
constexpr unsigned long kMappedFlag = 1;
constexpr long kProtocolVersion = 0;

}  // namespace

XEmbedEmbedder::XEmbedEmbedder(Display* display, Window container) noexcept
    : display_(display),
      container_(container),
      xembed_(XInternAtom(display, "_XEMBED", False)),
      xembedInfo_(XInternAtom(display, "_XEMBED_INFO", False)) {
    XWindowAttributes attributes{};
    if (XGetWindowAttributes(display, container, &attributes) != 0) {
        width_ = attributes.width;
        height_ = attributes.height;
    }
}

void XEmbedEmbedder::send(long message, long detail, long data1) noexcept {
    XEvent event{};
    event.xclient.type = ClientMessage;
    event.xclient.window = client_;
    event.xclient.message_type = xembed_;
    event.xclient.format = 32;
    event.xclient.data.l[0] = CurrentTime;
    event.xclient.data.l[1] = message;
    event.xclient.data.l[2] = detail;
    event.xclient.data.l[3] = data1;
    event.xclient.data.l[4] = kProtocolVersion;
    XSendEvent(display_, client_, False, NoEventMask, &event);
}

void XEmbedEmbedder::adopt(Window client) noexcept {
    if (client == client_) {
        return;
    }
    client_ = client;
    mapped_ = false;
    XSelectInput(display_, client_, PropertyChangeMask | StructureNotifyMask);
    XResizeWindow(display_, client_, static_cast<unsigned>(width_), static_cast<unsigned>(height_));
    send(kEmbeddedNotify, 0, static_cast<long>(container_));
    updateMapping();
}

void XEmbedEmbedder::updateMapping() noexcept {
    Atom type = None;
    int format = 0;
    unsigned long items = 0;
    unsigned long after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(display_, client_, xembedInfo_, 0, 2, False, xembedInfo_, &type, &format,
                           &items, &after, &data) != Success) {
        return;
    }
    bool wantsMapping = false;
    if (data != nullptr && format == 32 && items >= 2) {
        // Format-32 properties come back as longs.
        wantsMapping = (reinterpret_cast<unsigned long*>(data)[1] & kMappedFlag) != 0;
    }
    if (data != nullptr) {
        XFree(data);
    }
    if (wantsMapping && !mapped_) {
        XMapRaised(display_, client_);
        mapped_ = true;
        send(kWindowActivate, 0, 0);
        send(kFocusIn, kFocusCurrent, 0);
    } else if (!wantsMapping && mapped_) {
        XUnmapWindow(display_, client_);
        mapped_ = false;
    }
}

void XEmbedEmbedder::resize(int width, int height) noexcept {
    width_ = width;
    height_ = height;
    if (client_ != 0) {
        XResizeWindow(display_, client_, static_cast<unsigned>(width),
                      static_cast<unsigned>(height));
    }
}

bool XEmbedEmbedder::handle(const XEvent& event) noexcept {
    switch (event.type) {
        case CreateNotify:
            if (event.xcreatewindow.parent == container_) {
                adopt(event.xcreatewindow.window);
                return true;
            }
            return false;
        case ReparentNotify:
            if (event.xreparent.parent == container_) {
                adopt(event.xreparent.window);
                return true;
            }
            if (event.xreparent.window == client_) {
                client_ = 0;  // Taken elsewhere.
                mapped_ = false;
            }
            return false;
        case DestroyNotify:
            if (event.xdestroywindow.window == client_) {
                client_ = 0;
                mapped_ = false;
                return true;
            }
            return false;
        case PropertyNotify:
            if (event.xproperty.window == client_ && event.xproperty.atom == xembedInfo_) {
                updateMapping();
                return true;
            }
            return false;
        case ConfigureNotify:
            if (event.xconfigure.window == client_ &&
                (event.xconfigure.width != width_ || event.xconfigure.height != height_ ||
                 event.xconfigure.x != 0 || event.xconfigure.y != 0)) {
                // The client sized or moved itself: the container decides.
                XMoveResizeWindow(display_, client_, 0, 0, static_cast<unsigned>(width_),
                                  static_cast<unsigned>(height_));
                return true;
            }
            return event.xconfigure.window == client_;
        case ClientMessage:
            if (event.xclient.message_type == xembed_ && event.xclient.data.l[1] == kRequestFocus &&
                client_ != 0) {
                XSetInputFocus(display_, client_, RevertToParent, CurrentTime);
                send(kFocusIn, kFocusCurrent, 0);
                return true;
            }
            return false;
        default:
            return false;
    }
}

}  // namespace vstkit::ui
