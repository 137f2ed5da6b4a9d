#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <lv2/core/lv2.h>
#include <lv2/ui/ui.h>

#include "vstkit/formats/lv2/port_layout.h"
#include "vstkit/ui/editor.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::formats::lv2 {

/// The generic editor as an LV2 X11 UI. It talks to the plugin only through
/// the control ports, as LV2 intends: the host reports port values with
/// portEvent(), and an edit is written to the port (with ui:touch around a
/// gesture when the host offers it). Runs on the host's UI thread, driven by
/// the idle interface; it starts no thread.
class Lv2Editor final : public ui::ParameterAccess {
  public:
    Lv2Editor(LV2UI_Write_Function write, LV2UI_Controller controller,
              const LV2_Feature* const* features);

    /// Opens the editor in the host's ui:parent window. False, with the reason
    /// in error(), when the host gave no parent or the window cannot be made.
    [[nodiscard]] bool open();
    [[nodiscard]] const char* error() const noexcept { return error_; }
    [[nodiscard]] ui::NativeWindow nativeWindow() const noexcept { return editor_.nativeWindow(); }

    void portEvent(std::uint32_t port, std::uint32_t size, std::uint32_t format,
                   const void* buffer) noexcept;
    /// 0 while open; non-zero once the window is gone (the idle interface's contract).
    int idle() noexcept;
    /// The host's new size (ui:resize, host to UI); false below the minimum.
    [[nodiscard]] bool resize(int width, int height) noexcept {
        return editor_.resize(width, height);
    }

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override;
    void beginEdit(std::size_t index) override;
    void performEdit(std::size_t index, float normalized) override;
    void endEdit(std::size_t index) override;
    /// The meter ports' values as the host reports them (a web editor's meters).
    [[nodiscard]] std::size_t meterChannels() const noexcept override;
    [[nodiscard]] core::MeterReading meterReading(std::size_t channel) const noexcept override;
    bool requestResize(int width, int height) override;

  private:
    void touch(std::size_t index, bool grabbed) const;

    std::span<const protocol::ParamSpec> table_;
    /// Where the control ports start depends on the audio ports before them.
    core::ChannelLayout audioLayout_;
    LV2UI_Write_Function write_;
    LV2UI_Controller controller_;
    void* parent_ = nullptr;
    const LV2UI_Resize* hostResize_ = nullptr;
    const LV2UI_Touch* touch_ = nullptr;
    const char* error_ = "";
    /// The control ports as last reported by the host or written by us.
    std::vector<float> portValues_;
    /// Where the meter ports start, and what they last reported (dBFS).
    std::uint32_t firstMeterPort_ = 0;
    std::array<float, 2 * core::kMaxLayoutChannels> meterDb_{};
    std::array<std::uint32_t, core::kMaxLayoutChannels> clips_{};
    bool metersReported_ = false;
    ui::Editor editor_;
};

}  // namespace vstkit::formats::lv2
