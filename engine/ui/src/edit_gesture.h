#pragma once

#include <cstddef>

#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// One host edit gesture on one parameter: a single beginEdit, a performEdit
/// only when the value actually moves, and a single endEdit. Hosts record
/// automation and undo steps per gesture, so the pairs must never go astray.
/// Exceptions from the host's side are swallowed here: they must not unwind
/// through a Dear ImGui frame, nor out of the editor's API.
class EditGesture final {
  public:
    explicit EditGesture(std::size_t index) noexcept : index_(index) {}

    /// `current` is the value before the gesture; performs that repeat it are skipped.
    void begin(ParameterAccess& access, float current) noexcept;
    void perform(ParameterAccess& access, float normalized) noexcept;
    void end(ParameterAccess& access) noexcept;
    [[nodiscard]] bool active() const noexcept { return active_; }

    /// A whole gesture at once, for a click, a reset or a typed value.
    void set(ParameterAccess& access, float normalized) noexcept;

  private:
    std::size_t index_;
    bool active_ = false;
    float lastSent_ = 0.0F;
};

}  // namespace vstkit::ui
