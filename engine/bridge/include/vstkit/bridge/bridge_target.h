#pragma once

#include <cstddef>
#include <cstdint>

namespace vstkit::bridge {

/// One output channel's meter: linear peak and RMS (1.0 is full scale) and
/// a count of clipped blocks that only grows, so a reader sees every clip.
struct MeterLevels {
    float peak = 0.0F;
    float rms = 0.0F;
    std::uint32_t clips = 0;
};

/// What the bridge drives: the plugin as its editor sees it. Every call is
/// on the thread that calls BridgeSession (the host's UI thread, or the dev
/// server's).
class BridgeTarget {
  public:
    virtual ~BridgeTarget() = default;

    /// Current value of table row `index`, normalized 0..1.
    [[nodiscard]] virtual float normalizedValue(std::size_t index) const noexcept = 0;
    virtual void beginEdit(std::size_t index) = 0;
    virtual void performEdit(std::size_t index, float normalized) = 0;
    virtual void endEdit(std::size_t index) = 0;

    /// Output channels metered; 0 when the plugin has no meters here.
    [[nodiscard]] virtual std::size_t meterChannels() const noexcept = 0;
    [[nodiscard]] virtual MeterLevels meterLevels(std::size_t channel) const noexcept = 0;

    /// The page asks for a new editor size; the host may refuse (false).
    virtual bool requestResize(int width, int height) = 0;
};

}  // namespace vstkit::bridge
