#include "gui_context.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "theme.h"
#include "x11_input.h"

namespace vstkit::ui {

std::unique_ptr<GuiContext> GuiContext::create(float scale, float bodyFontSize, float largeFontSize,
                                               std::string& error) {
    std::unique_ptr<GuiContext> gui{new GuiContext};
    ImGuiContext* const previous = ImGui::GetCurrentContext();
    // Its own font atlas too, so editors never share GL textures across contexts.
    gui->context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(gui->context_);
    ImGuiIO& io = ImGui::GetIO();
    // A plugin must not write files into the host's working directory.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "vstkit_x11";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    configureKeyMap(io);
    applyTheme(ImGui::GetStyle(), scale);
    gui->fonts_ = loadFonts(*io.Fonts, bodyFontSize, largeFontSize);
    // GLSL 1.30 runs on any OpenGL 3.0 context, compatibility profiles included.
    gui->rendererStarted_ = ImGui_ImplOpenGL3_Init("#version 130");
    ImGui::SetCurrentContext(previous);
    if (!gui->rendererStarted_) {
        error = "the OpenGL 3 renderer did not start (no usable libGL.so.1)";
        return nullptr;
    }
    return gui;
}

GuiContext::~GuiContext() {
    if (context_ == nullptr) {
        return;
    }
    ImGuiContext* const previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    if (rendererStarted_) {
        ImGui_ImplOpenGL3_Shutdown();
    }
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous == context_ ? nullptr : previous);
}

void GuiContext::rescale(float scale, float bodyFontSize, float largeFontSize) {
    applyTheme(ImGui::GetStyle(), scale);
    fonts_ = loadFonts(*ImGui::GetIO().Fonts, bodyFontSize, largeFontSize);
    // The next frame recreates them, the font texture from the new atlas included.
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
}

GuiContext::Use::Use(const GuiContext& gui) noexcept : previous_(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(gui.context_);
}

GuiContext::Use::~Use() {
    ImGui::SetCurrentContext(previous_);
}

}  // namespace vstkit::ui
