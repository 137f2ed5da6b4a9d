#pragma once

#include <cstddef>

#include "vstkit/bridge/bridge_target.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::ui {

/// The bridge's view of the plugin through an editor's ParameterAccess: what
/// a web page drives, in the host's web view or in a browser (dev mode).
class AccessBridgeTarget final : public bridge::BridgeTarget {
  public:
    explicit AccessBridgeTarget(ParameterAccess& access) : access_(access) {}

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override {
        return access_.normalizedValue(index);
    }
    void beginEdit(std::size_t index) override { access_.beginEdit(index); }
    void performEdit(std::size_t index, float normalized) override {
        access_.performEdit(index, normalized);
    }
    void endEdit(std::size_t index) override { access_.endEdit(index); }
    [[nodiscard]] std::size_t meterChannels() const noexcept override {
        return access_.meterChannels();
    }
    [[nodiscard]] bridge::MeterLevels meterLevels(std::size_t channel) const noexcept override {
        const core::MeterReading reading = access_.meterReading(channel);
        return {reading.peak, reading.rms, reading.clips};
    }
    bool requestResize(int width, int height) override {
        return access_.requestResize(width, height);
    }

  private:
    ParameterAccess& access_;
};

}  // namespace vstkit::ui
