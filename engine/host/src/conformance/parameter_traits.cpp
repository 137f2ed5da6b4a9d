#include "parameter_traits.h"

#include <algorithm>
#include <cmath>

#include "vst3/strings.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

std::string nameOf(const Vst::ParameterInfo& info) {
    return "parameter '" + toUtf8(info.title) + "' (id " + std::to_string(info.id) + ")";
}

bool isWritable(const Vst::ParameterInfo& info) noexcept {
    return (info.flags & Vst::ParameterInfo::kIsReadOnly) == 0;
}

bool isAutomatable(const Vst::ParameterInfo& info) noexcept {
    return isWritable(info) && (info.flags & Vst::ParameterInfo::kCanAutomate) != 0;
}

bool isStepped(const Vst::ParameterInfo& info) noexcept {
    return info.stepCount > 0;
}

bool sameValue(const Vst::ParameterInfo& info, double a, double b) noexcept {
    if (isStepped(info)) {
        const double steps = info.stepCount;
        return std::lround(a * steps) == std::lround(b * steps);
    }
    return std::abs(a - b) <= kContinuousTolerance;
}

double otherValue(const Vst::ParameterInfo& info, double from) noexcept {
    if (isStepped(info)) {
        const long steps = info.stepCount;
        const long step = std::clamp(std::lround(from * static_cast<double>(steps)), 0L, steps);
        const long other = step < steps ? step + 1 : step - 1;
        return static_cast<double>(other) / static_cast<double>(steps);
    }
    // Off the usual grid points, so a plugin that snaps to one shows it.
    return from < 0.5 ? std::min(from + 0.3 + 0.0123, 1.0) : from - 0.3 - 0.0123;
}

double thirdValue(const Vst::ParameterInfo& info, double a, double b) noexcept {
    if (isStepped(info)) {
        for (int32 step = 0; step <= info.stepCount; ++step) {
            const double value = static_cast<double>(step) / info.stepCount;
            if (!sameValue(info, value, a) && !sameValue(info, value, b)) {
                return value;
            }
        }
        return otherValue(info, b);
    }
    for (const double value : {0.05, 0.5, 0.95}) {
        if (std::abs(value - a) > 0.1 && std::abs(value - b) > 0.1) {
            return value;
        }
    }
    return otherValue(info, b);
}

std::vector<double> probeValues(const Vst::ParameterInfo& info) {
    std::vector<double> values;
    if (isStepped(info)) {
        constexpr long kMaxProbedSteps = 40;
        const long steps = info.stepCount;
        const long stride = std::max(1L, steps / kMaxProbedSteps);
        for (long step = 0; step <= steps; step += stride) {
            values.push_back(static_cast<double>(step) / static_cast<double>(steps));
        }
        // The top steps, where off-by-one ranges show.
        for (const long step : {steps - 1, steps}) {
            if (step >= 0) {
                values.push_back(static_cast<double>(step) / static_cast<double>(steps));
            }
        }
    } else {
        for (int point = 0; point <= 20; ++point) {
            values.push_back(point / 20.0);
        }
        values.push_back(0.123456789);
        values.push_back(0.987654321);
    }
    if (info.defaultNormalizedValue >= 0.0 && info.defaultNormalizedValue <= 1.0) {
        values.push_back(info.defaultNormalizedValue);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace vstkit::host::conformance
