#pragma once

#include <cstddef>

namespace vstkit::ui {

/// The editor's view of the plugin's parameters. Every call is on the UI thread.
class ParameterAccess {
  public:
    virtual ~ParameterAccess() = default;

    /// Current value of table row `index`, normalized 0..1 (moves with host automation).
    [[nodiscard]] virtual float normalizedValue(std::size_t index) const noexcept = 0;
    virtual void beginEdit(std::size_t index) = 0;
    virtual void performEdit(std::size_t index, float normalized) = 0;
    virtual void endEdit(std::size_t index) = 0;
};

}  // namespace vstkit::ui
