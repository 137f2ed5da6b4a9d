#pragma once

#include <string>

#include "fault_list.h"

namespace vstkit::host::conformance {

/// With the editor open: no GTK 3 or WebKitGTK in the host's process. A
/// fault names the libraries; otherwise returns the line for the verdict.
std::string checkNoToolkitInHost(FaultList& faults);

}  // namespace vstkit::host::conformance
