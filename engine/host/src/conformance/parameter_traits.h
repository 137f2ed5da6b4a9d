#pragma once

#include <string>
#include <vector>

#include "pluginterfaces/vst/ivsteditcontroller.h"

namespace vstkit::host::conformance {

/// How every message names a parameter: "parameter 'Attack' (id 3)".
[[nodiscard]] std::string nameOf(const Steinberg::Vst::ParameterInfo& info);

/// A host may set it (it is not read-only).
[[nodiscard]] bool isWritable(const Steinberg::Vst::ParameterInfo& info) noexcept;
/// A host may automate it: kCanAutomate and not read-only.
[[nodiscard]] bool isAutomatable(const Steinberg::Vst::ParameterInfo& info) noexcept;
[[nodiscard]] bool isStepped(const Steinberg::Vst::ParameterInfo& info) noexcept;

/// How far two normalized values of a continuous parameter may differ and
/// still be the same value: float rounding through a plain value.
inline constexpr double kContinuousTolerance = 1e-5;

/// Whether two normalized values are the same value of this parameter: the
/// same step when it declares steps, within kContinuousTolerance otherwise.
[[nodiscard]] bool sameValue(const Steinberg::Vst::ParameterInfo& info, double a,
                             double b) noexcept;

/// A normalized value clearly not `from`: the next step (or the one before,
/// at the top) when stepped, 0.3 or more away otherwise.
[[nodiscard]] double otherValue(const Steinberg::Vst::ParameterInfo& info, double from) noexcept;

/// A normalized value unlike both `a` and `b` where the parameter has room
/// for three (a toggle has not: then anything unlike `b`).
[[nodiscard]] double thirdValue(const Steinberg::Vst::ParameterInfo& info, double a,
                                double b) noexcept;

/// Normalized values to probe a parameter at: both ends, its default, and
/// every step (at most about 40 of them) or a grid between the ends.
[[nodiscard]] std::vector<double> probeValues(const Steinberg::Vst::ParameterInfo& info);

}  // namespace vstkit::host::conformance
