#pragma once

#include <string>
#include <vector>

namespace vstkit::host {

/// Resident memory of this process in bytes (Linux: /proc/self/statm).
[[nodiscard]] long residentBytes();

/// The GUI toolkit and browser engine libraries mapped into this process
/// (GTK 3, GDK, WebKitGTK, JavaScriptCore; Linux: /proc/self/maps), by file
/// name, each once. An editor must keep these out of a host's process: GTK 3
/// breaks GTK 2 and Qt hosts, and an audio process must not carry a browser.
[[nodiscard]] std::vector<std::string> mappedToolkitLibraries();

}  // namespace vstkit::host
