#include "vstkit/ui/editor.h"

#include <GL/gl.h>
#include <X11/Xlib.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "editor_view.h"
#include "gl_driver_pin.h"
#include "gl_window_glx.h"
#include "gui_context.h"
#include "keyboard_focus_x11.h"
#include "layout.h"
#include "pointer_shape_x11.h"
#include "theme.h"
#include "web_editor_x11.h"
#include "x11_error_trap.h"
#include "x11_input.h"

namespace vstkit::ui {
namespace {

using Clock = std::chrono::steady_clock;

// ImGui refuses a zero frame time; several frames can run within one idle().
constexpr float kMinFrameSeconds = 1.0e-5F;
// After input, a second frame lets hover and active states settle on screen.
constexpr int kFramesAfterInput = 2;
// One wheel notch scrolls this far (unscaled pixels).
constexpr float kScrollStep = 40.0F;
// A page is laid out for its designed size; it takes down to this fraction of it.
constexpr float kWebMinimumFraction = 0.6F;

int scaled(int cssPixels, float scale) {
    return static_cast<int>(static_cast<float>(cssPixels) * scale + 0.5F);
}

}  // namespace

/// Everything that exists only while the editor is open. Destroyed in the
/// reverse order of creation: ImGui (with our GL context current), then the
/// GL context, the window and the X connection.
struct Editor::Session {
    Session(std::span<const protocol::ParamSpec> table, std::string_view title)
        : parameters(table), view(table, title) {}

    ~Session() {
        if (!window) {
            return;
        }
        const XErrorTrap trap{window->display()};
        pointer.release(window->display());
        input.reset();  // While the display is open, under the trap.
        if (gui) {
            const GlWindow::MakeCurrent current{*window};
            gui.reset();
        }
    }  // The members follow: the window last, after the trap has ended.

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    Session(Session&&) = delete;
    Session& operator=(Session&&) = delete;

    void want(int frames) noexcept { framesWanted = std::max(framesWanted, frames); }

    void follow(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            return;
        }
        if (newWidth != width || newHeight != height) {
            width = newWidth;
            height = newHeight;
            layout = computeLayout(parameters, layout.scale, width, height, layout.scroll);
            // A software GL driver (Mesa's swrast) sees a drawable's new size
            // only after its next swap: present once more at the next idle.
            presentAgain = true;
        }
        want(1);
    }

    /// The wheel over no control scrolls rows that do not fit.
    void scrollBy(float wheel) {
        if (wheel == 0.0F || layout.maxScroll() <= 0.0F) {
            return;
        }
        layout = computeLayout(parameters, layout.scale, width, height,
                               layout.scroll - wheel * kScrollStep * layout.scale);
        want(1);
    }

    void applyScale(float scale) {
        if (scale == layout.scale) {
            return;
        }
        layout = computeLayout(parameters, scale, width, height);
        gui->rescale(layout.scale, layout.bodyFontSize, layout.largeFontSize);
        want(1);
    }

    /// Drains the X queue without blocking. A button or key change that would
    /// share a frame with earlier input gets a frame of its own first.
    void processEvents(ParameterAccess& access) {
        Display* const display = window->display();
        ImGuiIO& io = ImGui::GetIO();
        bool inputSinceFrame = false;
        while (XPending(display) > 0) {
            XEvent event;
            XNextEvent(display, &event);
            if (input && input->filter(event)) {
                continue;  // A dead key or part of a Compose sequence.
            }
            if (event.type == MappingNotify) {
                XRefreshKeyboardMapping(&event.xmapping);
                continue;
            }
            if (event.xany.window != window->window()) {
                continue;
            }
            switch (event.type) {
                case Expose:
                    if (event.xexpose.count == 0) {
                        want(1);
                    }
                    break;
                case MapNotify:
                    want(1);
                    break;
                case ConfigureNotify:
                    follow(event.xconfigure.width, event.xconfigure.height);
                    break;
                case DestroyNotify:
                    window->markDestroyed();
                    break;
                default:
                    // Focus moving within our window, or from the pointer's
                    // implicit focus to ours, is not the host taking it back.
                    if (event.type == FocusOut && event.xfocus.mode == NotifyNormal &&
                        event.xfocus.detail != NotifyInferior &&
                        event.xfocus.detail != NotifyPointer && !view.typing()) {
                        // The host took the keyboard back: no row keeps it.
                        view.keyboardLost();
                        want(1);
                    }
                    if (changesButtonOrKey(event) && inputSinceFrame) {
                        runFrame(access, false);
                        inputSinceFrame = false;
                    }
                    if (applyInput(event, io, input ? input->context() : nullptr)) {
                        inputSinceFrame = true;
                        want(kFramesAfterInput);
                    }
                    break;
            }
        }
    }

    /// Runs the frames asked for; only the last one is drawn and shown.
    void drawPending(ParameterAccess& access) {
        const bool presenting = framesWanted > 0;
        for (; framesWanted > 0 && window->alive(); --framesWanted) {
            runFrame(access, framesWanted == 1);
        }
        framesWanted = 0;
        if (presenting && presentAgain) {
            presentAgain = false;
            want(1);  // Drawn at the next idle.
        }
    }

    void runFrame(ParameterAccess& access, bool present) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2{static_cast<float>(width), static_cast<float>(height)};
        const Clock::time_point now = Clock::now();
        io.DeltaTime =
            std::max(std::chrono::duration<float>(now - lastFrame).count(), kMinFrameSeconds);
        lastFrame = now;

        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        view.draw(layout, gui->fonts(), access);
        // A slider under the pointer takes the wheel; anywhere else scrolls.
        const float unusedWheel = ImGui::IsAnyItemHovered() ? 0.0F : io.MouseWheel;
        if (!present) {
            ImGui::EndFrame();
            scrollBy(unusedWheel);
            return;
        }
        ImGui::Render();
        scrollBy(unusedWheel);
        const ImVec4 background = ImGui::ColorConvertU32ToFloat4(palette().background);
        glViewport(0, 0, width, height);
        glClearColor(background.x, background.y, background.z, 1.0F);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        window->swapBuffers();
        pointer.show(window->display(), window->window(), ImGui::GetMouseCursor());
    }

    /// Borrows the keyboard focus exactly while a row has the keyboard or a
    /// value is being typed; the host has it back the rest of the time.
    void updateKeyboardFocus() noexcept {
        if (!window->alive()) {
            return;
        }
        if (view.wantsKeyboard() && !focus.held()) {
            focus.take(window->display(), window->window());
        } else if (!view.wantsKeyboard() && focus.held()) {
            focus.giveBack(window->display(), window->window());
        }
    }

    std::span<const protocol::ParamSpec> parameters;
    std::unique_ptr<GlWindow> window;
    std::unique_ptr<GuiContext> gui;
    std::unique_ptr<InputMethod> input;
    EditorView view;
    Layout layout;
    KeyboardFocus focus;
    PointerShape pointer;
    int width = 0;
    int height = 0;
    int framesWanted = kFramesAfterInput;
    bool presentAgain = false;
    Clock::time_point lastFrame = Clock::now();
};

Editor::Editor(std::span<const protocol::ParamSpec> parameters, ParameterAccess& access,
               std::string_view title, const core::WebUi* webUi)
    : parameters_(parameters),
      access_(access),
      title_(title),
      webUi_(webUi != nullptr && !webUi->files.empty() && webUi->width > 0 && webUi->height > 0
                 ? webUi
                 : nullptr) {}

bool Editor::isWeb() const noexcept {
    return webUi_ != nullptr;
}

int Editor::bridgeFd() const noexcept {
    return web_ ? web_->bridgeFd() : -1;
}

std::string Editor::pageFailure() const {
    return web_ ? web_->failure() : std::string{};
}

bool Editor::pageLoaded() const noexcept {
    return web_ && web_->pageLoaded();
}

long Editor::pageHelperPid() const noexcept {
    return web_ ? static_cast<long>(web_->helperPid()) : -1L;
}

bool Editor::askPage(const std::string& expression) {
    if (!web_) {
        return false;
    }
    web_->probe(expression);
    return true;
}

std::optional<std::string> Editor::takePageAnswer() {
    return web_ ? web_->takeProbeAnswer() : std::nullopt;
}

Editor::~Editor() {
    close();
}

int Editor::width() const noexcept {
    return webUi_ ? scaled(webUi_->width, scale_) : naturalSize(parameters_, scale_).width;
}

int Editor::height() const noexcept {
    return webUi_ ? scaled(webUi_->height, scale_) : naturalSize(parameters_, scale_).height;
}

int Editor::currentWidth() const noexcept {
    return width_ > 0 ? width_ : width();
}

int Editor::currentHeight() const noexcept {
    return height_ > 0 ? height_ : height();
}

int Editor::minimumWidth() const noexcept {
    return webUi_ ? scaled(webUi_->width, scale_ * kWebMinimumFraction)
                  : minimumSize(parameters_, scale_).width;
}

int Editor::minimumHeight() const noexcept {
    return webUi_ ? scaled(webUi_->height, scale_ * kWebMinimumFraction)
                  : minimumSize(parameters_, scale_).height;
}

void Editor::constrain(int& width, int& height) const noexcept {
    width = std::max(width, minimumWidth());
    height = std::max(height, minimumHeight());
}

void Editor::setContentScale(float scale) noexcept {
    scale_ = sanitizeScale(scale);
    width_ = 0;
    height_ = 0;
    if (web_) {
        web_->setScale(scale_);
        web_->resize(currentWidth(), currentHeight());
    }
    if (session_ && session_->window->alive()) {
        // Fonts and layout follow at the next idle(), with the GL context current.
        const XErrorTrap trap{session_->window->display()};
        session_->window->resize(currentWidth(), currentHeight());
    }
}

bool Editor::open(NativeWindow parent) {
    if (isOpen()) {
        error_ = "the editor is already open";
        return false;
    }
    error_.clear();
    if (webUi_) {
        try {
            web_ = WebEditorSession::open(static_cast<unsigned long>(parent), currentWidth(),
                                          currentHeight(), scale_, *webUi_, parameters_, access_,
                                          error_);
        } catch (...) {
            error_ = "out of memory while opening the editor";
        }
        return web_ != nullptr;
    }
    try {
        auto session = std::make_unique<Session>(parameters_, title_);
        const Size size{currentWidth(), currentHeight()};
        // On X11 the handle is a Window id.
        session->window =
            GlWindow::create(static_cast<unsigned long>(parent), size.width, size.height, error_);
        if (!session->window) {
            return false;
        }
        session->width = size.width;
        session->height = size.height;
        session->layout = computeLayout(parameters_, scale_, size.width, size.height);
        {
            const XErrorTrap trap{session->window->display()};
            session->input = std::make_unique<InputMethod>(session->window->display(),
                                                           session->window->window());
            const GlWindow::MakeCurrent current{*session->window};
            if (!current.succeeded()) {
                error_ = "cannot make the GLX context current";
                return false;
            }
            keepGlDriverLoaded();
            session->gui = GuiContext::create(session->layout.scale, session->layout.bodyFontSize,
                                              session->layout.largeFontSize, error_);
        }
        if (!session->gui) {
            return false;
        }
        session_ = std::move(session);
        return true;
    } catch (...) {
        error_ = "out of memory while opening the editor";
        return false;
    }
}

void Editor::close() noexcept {
    web_.reset();
    if (!session_) {
        return;
    }
    session_->view.abandonGestures(access_);
    if (session_->window->alive()) {
        const XErrorTrap trap{session_->window->display()};
        session_->focus.giveBack(session_->window->display(), session_->window->window());
    }
    session_.reset();
}

bool Editor::isOpen() const noexcept {
    return session_ != nullptr || web_ != nullptr;
}

NativeWindow Editor::nativeWindow() const noexcept {
    if (web_) {
        return static_cast<NativeWindow>(web_->window());
    }
    return session_ ? static_cast<NativeWindow>(session_->window->window()) : 0;
}

int Editor::connectionFd() const noexcept {
    if (web_) {
        return web_->connectionFd();
    }
    return session_ ? session_->window->connectionFd() : -1;
}

void Editor::idle() noexcept {
    if (web_) {
        web_->idle();
        return;
    }
    if (!session_ || !session_->window->alive()) {
        return;
    }
    Session& session = *session_;
    try {
        XErrorTrap trap{session.window->display()};
        {
            const GlWindow::MakeCurrent current{*session.window};
            const GuiContext::Use use{*session.gui};
            if (current.succeeded()) {
                session.applyScale(scale_);
                session.processEvents(access_);
                if (session.view.needsRedraw(access_)) {
                    session.want(1);
                }
                session.drawPending(access_);
            }
        }
        session.updateKeyboardFocus();
        if (trap.failed()) {
            // Our requests fail once the host has destroyed our window's parent.
            session.window->markDestroyed();
        }
    } catch (...) {
        // Only allocation can throw here; drop this idle and try again at the next.
    }
}

bool Editor::resize(int width, int height) noexcept {
    if (width < minimumWidth() || height < minimumHeight()) {
        return false;
    }
    width_ = width;
    height_ = height;
    if (web_) {
        web_->resize(width, height);
        return true;
    }
    if (!session_ || !session_->window->alive()) {
        return true;
    }
    try {
        const XErrorTrap trap{session_->window->display()};
        session_->window->resize(width, height);
        session_->follow(width, height);
    } catch (...) {
        // computeLayout could not allocate; the next ConfigureNotify tries again.
    }
    return true;
}

std::string Editor::fontDescription() const {
    return session_ && session_->gui ? describeFonts(session_->gui->fonts()) : std::string{};
}

const std::string& Editor::error() const noexcept {
    return error_;
}

}  // namespace vstkit::ui
