#pragma once

#include <cstddef>
#include <cstdint>

#include "edit_gesture.h"
#include "fonts.h"
#include "key_action.h"
#include "layout.h"
#include "value_entry.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// A continuous or stepped parameter: name, range, a large value readout and a
/// horizontal slider. Dragging anywhere on the row moves the value relative to
/// where it was grabbed (Shift for fine steps) in one edit gesture; a
/// double-click resets to the default; Ctrl-click types a value; the wheel nudges.
/// The slider travels in normalized space, so a logarithmic or skewed row's
/// mapping shows; a stepped row's knob stops only at its steps (marked under
/// the track when they are far enough apart), and the wheel moves it one step.
class SliderRow final {
  public:
    SliderRow(const protocol::ParamSpec& spec, std::size_t index) noexcept;

    /// Draws the row and turns this frame's mouse and keys into edits.
    void draw(const RowLayout& row, const Fonts& fonts, float scale, ParameterAccess& access);

    /// The host moved the value since the row was last drawn, text entry
    /// closed after painting, or it is open (its cursor blinks).
    [[nodiscard]] bool needsRedraw(const ParameterAccess& access) const noexcept;
    [[nodiscard]] bool typing() const noexcept { return entry_.active(); }

    /// Ends a drag still in progress: the editor is closing.
    void abandon(ParameterAccess& access) noexcept;

    /// A key while this row has the keyboard: arrows nudge, Enter types.
    void onKey(KeyAction action, ParameterAccess& access);

  private:
    enum class Mode : std::uint8_t {
        Idle,
        Dragging,
        /// The press was a reset or opened text entry: ignore it until release.
        Holding,
    };

    void handleMouse(const RowLayout& row, float scale, float current, ParameterAccess& access);
    void paint(const RowLayout& row, const Fonts& fonts, float scale, float shown, bool hovered);

    const protocol::ParamSpec& spec_;
    std::size_t index_;
    EditGesture gesture_;
    ValueEntry entry_;
    Mode mode_ = Mode::Idle;
    float dragValue_ = 0.0F;
    float anchorValue_ = 0.0F;
    float anchorX_ = 0.0F;
    bool anchorFine_ = false;
    float lastDrawn_ = -1.0F;
    /// Whether the last paint showed text entry, which opens and closes mid-frame.
    bool paintedTyping_ = false;
};

}  // namespace vstkit::ui
