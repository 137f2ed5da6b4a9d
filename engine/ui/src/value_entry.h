#pragma once

#include <array>
#include <cstdint>

#include "vstkit/protocol/param_spec.h"

struct ImVec2;

namespace vstkit::ui {

/// Typing a value (Ctrl-click on a slider): a text field over the readout,
/// prefilled with the current value and all of it selected. Enter commits text
/// protocol::parseValue accepts; other text is refused with a red frame and the
/// field stays open. Escape or a click elsewhere cancels.
class ValueEntry final {
  public:
    enum class Outcome : std::uint8_t { Editing, Committed, Cancelled };
    struct Result {
        Outcome outcome = Outcome::Editing;
        /// The committed value, normalized.
        float normalized = 0.0F;
    };

    void start(const protocol::ParamSpec& spec, float normalized) noexcept;
    [[nodiscard]] bool active() const noexcept { return active_; }
    /// The last Enter was refused and the text has not changed since.
    [[nodiscard]] bool rejected() const noexcept { return rejected_; }

    /// Draws the field in the current font at `position`, `width` wide.
    [[nodiscard]] Result draw(const protocol::ParamSpec& spec, const ImVec2& position, float width,
                              float scale);

  private:
    void stop() noexcept;

    std::array<char, 64> text_{};
    bool active_ = false;
    bool rejected_ = false;
    bool wantsFocus_ = false;
};

}  // namespace vstkit::ui
