#pragma once

#include <cstddef>

#include "vstkit/core/output_meters.h"

namespace vstkit::ui {

/// The editor's view of the plugin: its parameters and, where this side of
/// the plugin can read them, its output meters. Every call is on the UI thread.
class ParameterAccess {
  public:
    virtual ~ParameterAccess() = default;

    /// Current value of table row `index`, normalized 0..1 (moves with host automation).
    [[nodiscard]] virtual float normalizedValue(std::size_t index) const noexcept = 0;
    virtual void beginEdit(std::size_t index) = 0;
    virtual void performEdit(std::size_t index, float normalized) = 0;
    virtual void endEdit(std::size_t index) = 0;

    /// Output channels metered here; 0 (the default) when there are no meters.
    [[nodiscard]] virtual std::size_t meterChannels() const noexcept { return 0; }
    [[nodiscard]] virtual core::MeterReading meterReading(std::size_t /*channel*/) const noexcept {
        return {};
    }
    /// An editor that shows meters listens while it is open: the audio
    /// thread measures only then.
    virtual void listenToMeters(bool /*listening*/) noexcept {}

    /// Called by an editor that keeps its own timer (the Win32 one) each time
    /// before it shows the values again, about 30 times a second: a chance to
    /// bring them up to date. Hosts that drive idle() themselves need nothing here.
    virtual void followPlugin() noexcept {}

    /// The editor asks the host for a new size; a host that cannot resize
    /// (the default) refuses.
    virtual bool requestResize(int /*width*/, int /*height*/) { return false; }
};

}  // namespace vstkit::ui
