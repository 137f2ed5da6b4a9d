#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vstkit/bridge/bridge_target.h"

namespace vstkit::bridge::testing {

/// A BridgeTarget that keeps values and writes down each call, in order,
/// as "begin 0", "perform 0 0.25", "end 0", "resize 480x320".
class RecordingTarget final : public BridgeTarget {
  public:
    explicit RecordingTarget(std::size_t rows) : values(rows, 0.5F) {}

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override {
        return values[index];
    }
    void beginEdit(std::size_t index) override {
        calls.push_back("begin " + std::to_string(index));
    }
    void performEdit(std::size_t index, float normalized) override {
        values[index] = normalized;
        calls.push_back("perform " + std::to_string(index) + " " + std::to_string(normalized));
    }
    void endEdit(std::size_t index) override { calls.push_back("end " + std::to_string(index)); }
    [[nodiscard]] std::size_t meterChannels() const noexcept override { return meters.size(); }
    [[nodiscard]] MeterLevels meterLevels(std::size_t channel) const noexcept override {
        return meters[channel];
    }
    bool requestResize(int width, int height) override {
        calls.push_back("resize " + std::to_string(width) + "x" + std::to_string(height));
        return acceptResize;
    }

    std::vector<float> values;
    std::vector<MeterLevels> meters;
    std::vector<std::string> calls;
    bool acceptResize = true;
};

}  // namespace vstkit::bridge::testing
