#pragma once

#include <string>
#include <vector>

#include "vstkit/formats/clap/abi/params.h"

namespace vstkit::host::conformance {

/// How every message names a parameter: "parameter 'Gain' (id 0)".
[[nodiscard]] std::string nameOf(const clap_abi::ParamInfo& info);

/// Not read-only.
[[nodiscard]] bool isWritable(const clap_abi::ParamInfo& info) noexcept;
/// CLAP_PARAM_IS_AUTOMATABLE and not read-only.
[[nodiscard]] bool isAutomatable(const clap_abi::ParamInfo& info) noexcept;
[[nodiscard]] bool isBypass(const clap_abi::ParamInfo& info) noexcept;
/// CLAP_PARAM_IS_STEPPED or CLAP_PARAM_IS_ENUM: integer values only.
[[nodiscard]] bool isStepped(const clap_abi::ParamInfo& info) noexcept;

/// Whether two plain values are the same value of this parameter: the same
/// integer when stepped, within a millionth of the range otherwise (a
/// float's rounding).
[[nodiscard]] bool sameValue(const clap_abi::ParamInfo& info, double a, double b) noexcept;

/// A value clearly not `from`: the next step (the one before at the top),
/// or about a third of the range away.
[[nodiscard]] double otherValue(const clap_abi::ParamInfo& info, double from) noexcept;
/// A value unlike both `a` and `b` where the parameter has room for three.
[[nodiscard]] double thirdValue(const clap_abi::ParamInfo& info, double a, double b) noexcept;
/// A value far from `from`: the step at the far end, or 10% from the far end.
[[nodiscard]] double farValue(const clap_abi::ParamInfo& info, double from) noexcept;

/// Values to probe at: both ends, the default, every step (about 40 at
/// most) or a grid between the ends.
[[nodiscard]] std::vector<double> probeValues(const clap_abi::ParamInfo& info);

}  // namespace vstkit::host::conformance
