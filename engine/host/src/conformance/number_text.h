#pragma once

#include <string>

namespace vstkit::host::conformance {

/// A number with a fixed count of decimals, e.g. formatDouble(0.5, 4) is "0.5000".
[[nodiscard]] std::string formatDouble(double value, int decimals = 3);

/// A linear level in dBFS with one decimal and a sign, e.g. "+60.0 dBFS";
/// "-inf dBFS" for silence.
[[nodiscard]] std::string formatDbfs(double linear);

}  // namespace vstkit::host::conformance
