#include "state_variable_filter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vstkit_filter {
namespace {

// Far below the 24-bit noise floor (-144 dBFS), far above denormals.
constexpr float kSilentState = 1e-15F;
// Keeps the prewarped cutoff away from Nyquist, where tan() explodes.
constexpr double kMaxCutoffOfNyquist = 0.49;
constexpr float kMinQ = 0.05F;
constexpr float kMaxQ = 100.0F;

float settled(float state) noexcept {
    return std::isfinite(state) && std::fabs(state) >= kSilentState ? state : 0.0F;
}

}  // namespace

SvfCoefficients SvfCoefficients::make(float cutoffHz, float q, double sampleRate) noexcept {
    const double nyquistLimit = kMaxCutoffOfNyquist * sampleRate;
    const double cutoff =
        std::clamp(std::isfinite(cutoffHz) ? double{cutoffHz} : 1000.0, 1.0, nyquistLimit);
    const float safeQ = std::clamp(std::isfinite(q) ? q : 0.707F, kMinQ, kMaxQ);
    SvfCoefficients c;
    c.g = static_cast<float>(std::tan(std::numbers::pi * cutoff / sampleRate));
    c.k = 1.0F / safeQ;
    c.a1 = 1.0F / (1.0F + c.g * (c.g + c.k));
    c.a2 = c.g * c.a1;
    c.a3 = c.g * c.a2;
    return c;
}

bool StateVariableFilter::isBelow(float level) const noexcept {
    return std::fabs(ic1eq_) < level && std::fabs(ic2eq_) < level;
}

void StateVariableFilter::settle() noexcept {
    ic1eq_ = settled(ic1eq_);
    ic2eq_ = settled(ic2eq_);
}

}  // namespace vstkit_filter
