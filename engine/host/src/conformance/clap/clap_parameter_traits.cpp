#include "clap_parameter_traits.h"

#include <algorithm>
#include <cmath>

namespace vstkit::host::conformance {

namespace {

double range(const clap_abi::ParamInfo& info) noexcept {
    return info.maxValue - info.minValue;
}

/// A position 0..1 in the range, as a plain value.
double at(const clap_abi::ParamInfo& info, double position) noexcept {
    return info.minValue + position * range(info);
}

double positionOf(const clap_abi::ParamInfo& info, double value) noexcept {
    return range(info) > 0.0 ? (value - info.minValue) / range(info) : 0.0;
}

}  // namespace

std::string nameOf(const clap_abi::ParamInfo& info) {
    return "parameter '" + std::string{info.name} + "' (id " + std::to_string(info.id) + ")";
}

bool isWritable(const clap_abi::ParamInfo& info) noexcept {
    return (info.flags & clap_abi::kParamIsReadonly) == 0;
}

bool isAutomatable(const clap_abi::ParamInfo& info) noexcept {
    return isWritable(info) && (info.flags & clap_abi::kParamIsAutomatable) != 0;
}

bool isBypass(const clap_abi::ParamInfo& info) noexcept {
    return (info.flags & clap_abi::kParamIsBypass) != 0;
}

bool isStepped(const clap_abi::ParamInfo& info) noexcept {
    return (info.flags & (clap_abi::kParamIsStepped | clap_abi::kParamIsEnum)) != 0;
}

bool sameValue(const clap_abi::ParamInfo& info, double a, double b) noexcept {
    if (isStepped(info)) {
        return std::lround(a) == std::lround(b);
    }
    return std::abs(a - b) <= 1e-6 * std::max(range(info), 1e-9);
}

double otherValue(const clap_abi::ParamInfo& info, double from) noexcept {
    if (isStepped(info)) {
        const long step = std::lround(from);
        return static_cast<double>(step < std::lround(info.maxValue) ? step + 1 : step - 1);
    }
    // Off the usual grid points, so a plugin that snaps to one shows it.
    const double position = positionOf(info, from);
    return at(info, position < 0.5 ? std::min(position + 0.3123, 1.0) : position - 0.3123);
}

double thirdValue(const clap_abi::ParamInfo& info, double a, double b) noexcept {
    if (isStepped(info)) {
        for (long step = std::lround(info.minValue); step <= std::lround(info.maxValue); ++step) {
            const auto value = static_cast<double>(step);
            if (!sameValue(info, value, a) && !sameValue(info, value, b)) {
                return value;
            }
        }
        return otherValue(info, b);
    }
    for (const double position : {0.05, 0.5, 0.95}) {
        if (std::abs(position - positionOf(info, a)) > 0.1 &&
            std::abs(position - positionOf(info, b)) > 0.1) {
            return at(info, position);
        }
    }
    return otherValue(info, b);
}

double farValue(const clap_abi::ParamInfo& info, double from) noexcept {
    const bool lowerHalf = positionOf(info, from) < 0.5;
    if (isStepped(info)) {
        return lowerHalf ? std::round(info.maxValue) : std::round(info.minValue);
    }
    return at(info, lowerHalf ? 0.9 : 0.1);
}

std::vector<double> probeValues(const clap_abi::ParamInfo& info) {
    std::vector<double> values;
    if (isStepped(info)) {
        constexpr long kMaxProbedSteps = 40;
        const long first = std::lround(info.minValue);
        const long last = std::lround(info.maxValue);
        const long stride = std::max(1L, (last - first) / kMaxProbedSteps);
        for (long step = first; step <= last; step += stride) {
            values.push_back(static_cast<double>(step));
        }
        values.push_back(static_cast<double>(last));
    } else {
        for (int point = 0; point <= 20; ++point) {
            values.push_back(at(info, point / 20.0));
        }
        values.push_back(at(info, 0.123456789));
        values.push_back(at(info, 0.987654321));
    }
    values.push_back(info.defaultValue);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace vstkit::host::conformance
