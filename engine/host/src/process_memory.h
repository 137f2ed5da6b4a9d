#pragma once

namespace vstkit::host {

/// Resident memory of this process in bytes (Linux: /proc/self/statm).
[[nodiscard]] long residentBytes();

}  // namespace vstkit::host
