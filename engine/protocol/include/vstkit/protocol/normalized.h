#pragma once

#include <algorithm>
#include <cmath>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::protocol {

/// A Stepped or Choice row: whole plain values only.
[[nodiscard]] constexpr bool isDiscrete(const ParamSpec& spec) noexcept {
    return spec.kind == ParamKind::Stepped || spec.kind == ParamKind::Choice;
}

/// How many steps hosts see between normalized 0 and 1: 0 for a continuous
/// value, 1 for a toggle, one per whole number or label after the first.
[[nodiscard]] constexpr int stepCount(const ParamSpec& spec) noexcept {
    if (spec.kind == ParamKind::Toggle) {
        return 1;
    }
    if (isDiscrete(spec)) {
        return static_cast<int>(spec.maxValue - spec.minValue);
    }
    return 0;
}

namespace detail {

/// The nearest whole number, halves away from zero (std::round is not
/// constexpr in C++20). Only for values inside a table's range, which the
/// table checks keep well within float's exact integers.
[[nodiscard]] constexpr float nearestWhole(float value) noexcept {
    const double shifted = static_cast<double>(value) + (value < 0.0F ? -0.5 : 0.5);
    return static_cast<float>(static_cast<long long>(shifted));
}

/// ln r of the exponential curve plain = min + (max - min) (r^n - 1) / (r - 1)
/// that Logarithmic and Skewed rows follow; 0 for a straight line. With
/// r = max / min the curve is min * r^n, the logarithmic mapping; with
/// r = ((max - mid) / (mid - min))^2 it passes through mid at n = 0.5.
[[nodiscard]] inline double growthLog(const ParamSpec& spec) noexcept {
    if (spec.kind != ParamKind::Continuous) {
        return 0.0;
    }
    const double low = spec.minValue;
    const double high = spec.maxValue;
    if (spec.mapping == ParamMapping::Logarithmic && low > 0.0) {
        return std::log(high / low);
    }
    const double middle = spec.skewMidValue;
    if (spec.mapping == ParamMapping::Skewed && middle > low && middle < high) {
        return 2.0 * std::log((high - middle) / (middle - low));
    }
    return 0.0;
}

}  // namespace detail

/// Clamps a plain value into the parameter's range; NaN becomes the default.
/// A toggle snaps to its nearer end, a stepped value or choice to the nearest
/// whole number.
[[nodiscard]] constexpr float clampPlain(const ParamSpec& spec, float plain) noexcept {
    if (!(plain == plain)) {
        return spec.defaultValue;
    }
    const float clamped = std::clamp(plain, spec.minValue, spec.maxValue);
    if (spec.kind == ParamKind::Toggle) {
        return clamped - spec.minValue >= 0.5F * (spec.maxValue - spec.minValue) ? spec.maxValue
                                                                                 : spec.minValue;
    }
    if (isDiscrete(spec)) {
        return detail::nearestWhole(clamped);
    }
    return clamped;
}

/// Maps a plain value onto 0..1 by the row's mapping, clamping out-of-range
/// input. Toggles are 0 (off) or 1 (on), switching at the middle of the range;
/// stepped values and choices are i / stepCount.
[[nodiscard]] constexpr float toNormalized(const ParamSpec& spec, float plain) noexcept {
    const float clamped = clampPlain(spec, plain);
    if (spec.kind == ParamKind::Toggle) {
        return clamped == spec.maxValue ? 1.0F : 0.0F;
    }
    if (spec.kind == ParamKind::Continuous && spec.mapping != ParamMapping::Linear) {
        const double growth = detail::growthLog(spec);
        if (growth != 0.0) {
            const double proportion = (static_cast<double>(clamped) - spec.minValue) /
                                      (static_cast<double>(spec.maxValue) - spec.minValue);
            return std::clamp(
                static_cast<float>(std::log1p(proportion * std::expm1(growth)) / growth), 0.0F,
                1.0F);
        }
    }
    return (clamped - spec.minValue) / (spec.maxValue - spec.minValue);
}

/// Maps 0..1 back onto the plain range, the inverse of toNormalized, clamping
/// out-of-range input. Stepped values and choices round to the nearest step.
[[nodiscard]] constexpr float fromNormalized(const ParamSpec& spec, float normalized) noexcept {
    if (!(normalized == normalized)) {
        return spec.defaultValue;
    }
    const float clamped = std::clamp(normalized, 0.0F, 1.0F);
    if (spec.kind == ParamKind::Toggle) {
        return clamped >= 0.5F ? spec.maxValue : spec.minValue;
    }
    if (spec.kind == ParamKind::Continuous && spec.mapping != ParamMapping::Linear) {
        const double growth = detail::growthLog(spec);
        if (growth != 0.0) {
            const double proportion = std::expm1(clamped * growth) / std::expm1(growth);
            const double plain =
                spec.minValue + proportion * (static_cast<double>(spec.maxValue) - spec.minValue);
            return std::clamp(static_cast<float>(plain), spec.minValue, spec.maxValue);
        }
    }
    const float plain = std::clamp(spec.minValue + clamped * (spec.maxValue - spec.minValue),
                                   spec.minValue, spec.maxValue);
    return isDiscrete(spec) ? detail::nearestWhole(plain) : plain;
}

}  // namespace vstkit::protocol
