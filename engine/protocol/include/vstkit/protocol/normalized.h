#pragma once

#include <algorithm>
#include <cmath>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::protocol {

/// Clamps a plain value into the parameter's range; NaN becomes the default.
/// A toggle snaps to its nearer end.
[[nodiscard]] constexpr float clampPlain(const ParamSpec& spec, float plain) noexcept {
    if (!(plain == plain)) {
        return spec.defaultValue;
    }
    const float clamped = std::clamp(plain, spec.minValue, spec.maxValue);
    if (spec.kind == ParamKind::Toggle) {
        return clamped - spec.minValue >= 0.5F * (spec.maxValue - spec.minValue) ? spec.maxValue
                                                                                 : spec.minValue;
    }
    return clamped;
}

/// Maps a plain value linearly onto 0..1, clamping out-of-range input.
/// Toggles are 0 (off) or 1 (on), switching at the middle of the range.
[[nodiscard]] constexpr float toNormalized(const ParamSpec& spec, float plain) noexcept {
    const float clamped = clampPlain(spec, plain);
    if (spec.kind == ParamKind::Toggle) {
        return clamped == spec.maxValue ? 1.0F : 0.0F;
    }
    return (clamped - spec.minValue) / (spec.maxValue - spec.minValue);
}

/// Maps 0..1 back onto the plain range, clamping out-of-range input.
[[nodiscard]] constexpr float fromNormalized(const ParamSpec& spec, float normalized) noexcept {
    if (!(normalized == normalized)) {
        return spec.defaultValue;
    }
    const float clamped = std::clamp(normalized, 0.0F, 1.0F);
    if (spec.kind == ParamKind::Toggle) {
        return clamped >= 0.5F ? spec.maxValue : spec.minValue;
    }
    return std::clamp(spec.minValue + clamped * (spec.maxValue - spec.minValue), spec.minValue,
                      spec.maxValue);
}

}  // namespace vstkit::protocol
