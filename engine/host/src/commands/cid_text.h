#pragma once

#include <string>

#include "pluginterfaces/base/funknown.h"

namespace vstkit::host {

/// A class id as 32 upper-case hex digits, the form moduleinfo.json uses.
[[nodiscard]] std::string cidText(const Steinberg::TUID cid);

}  // namespace vstkit::host
