#pragma once

#include <stdexcept>
#include <string>

namespace vstkit::host {

/// A setup failure with a message fit for one line on stderr. Thrown only on
/// the host's own threads, never across the plugin ABI or in process().
class HostError final : public std::runtime_error {
  public:
    explicit HostError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace vstkit::host
