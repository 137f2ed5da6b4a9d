#pragma once

#include <memory>
#include <string>

#include "fonts.h"

struct ImGuiContext;

namespace vstkit::ui {

/// One editor's Dear ImGui context with its OpenGL 3 renderer, fonts and
/// style. Creating, rescaling and destroying it need the editor's GL context
/// current (GlWindow::MakeCurrent).
class GuiContext final {
  public:
    /// Returns nullptr, with a one-line reason in `error`, when the renderer cannot start.
    [[nodiscard]] static std::unique_ptr<GuiContext> create(float scale, float bodyFontSize,
                                                            float largeFontSize,
                                                            std::string& error);
    ~GuiContext();

    GuiContext(const GuiContext&) = delete;
    GuiContext& operator=(const GuiContext&) = delete;
    GuiContext(GuiContext&&) = delete;
    GuiContext& operator=(GuiContext&&) = delete;

    [[nodiscard]] const Fonts& fonts() const noexcept { return fonts_; }

    /// New fonts and style sizes for a content scale; needs MakeCurrent and Use.
    void rescale(float scale, float bodyFontSize, float largeFontSize);

    /// Makes this context ImGui's current one while it lives, then restores
    /// the previous one: ImGui's current context is a process-wide global.
    class Use final {
      public:
        explicit Use(const GuiContext& gui) noexcept;
        ~Use();

        Use(const Use&) = delete;
        Use& operator=(const Use&) = delete;
        Use(Use&&) = delete;
        Use& operator=(Use&&) = delete;

      private:
        ImGuiContext* previous_;
    };

  private:
    GuiContext() = default;

    ImGuiContext* context_ = nullptr;
    bool rendererStarted_ = false;
    Fonts fonts_;
};

}  // namespace vstkit::ui
