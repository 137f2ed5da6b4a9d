#pragma once

#include <string>

#include "pluginterfaces/base/funknown.h"

namespace vstkit::host {

/// A tresult by its SDK name, e.g. "kResultFalse", or its number when unknown.
[[nodiscard]] std::string resultText(Steinberg::tresult result);

}  // namespace vstkit::host
