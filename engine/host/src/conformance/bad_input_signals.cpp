#include "bad_input_signals.h"

#include <cmath>
#include <limits>

namespace vstkit::host::conformance::bad_input {

std::vector<Poison> poisons() {
    const auto clean = sine(kRate, 997.0, kBlock);
    auto oneNan = clean;
    oneNan[kBlock / 2] = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> denormals(kBlock);
    for (std::size_t i = 0; i < kBlock; ++i) {
        denormals[i] = std::numeric_limits<float>::denorm_min() * static_cast<float>(1 + i % 100) *
                       (i % 2 == 0 ? 1.0F : -1.0F);
    }
    return {{"NaN", std::vector<float>(kBlock, std::numeric_limits<float>::quiet_NaN()), false},
            {"one NaN sample", oneNan, false},
            {"+Inf", std::vector<float>(kBlock, std::numeric_limits<float>::infinity()), false},
            {"-Inf", std::vector<float>(kBlock, -std::numeric_limits<float>::infinity()), false},
            {"denormal", denormals, true}};
}

bool allFinite(const RunOutput& output, std::size_t from, std::size_t to) {
    for (const auto& channel : output.channels) {
        for (std::size_t i = from; i < to && i < channel.size(); ++i) {
            if (!std::isfinite(channel[i])) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace vstkit::host::conformance::bad_input
