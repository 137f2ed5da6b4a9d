#pragma once

#include <filesystem>

namespace vstkit::host {

/// `vstkit-host info X.clap`: the entry, each plugin's descriptor, and the
/// first plugin's ports and parameters, as text or JSON, on stdout.
int printClapInfo(const std::filesystem::path& path, bool json);

}  // namespace vstkit::host
