#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "check.h"

namespace vstkit::host::conformance {

/// The faults one check finds, each a one-line sentence about the plugin. The
/// verdict line shows the first; every one goes to CHECK.txt in the output
/// folder, so a plugin with many faults still reads as one line per check.
class FaultList final {
  public:
    void add(std::string fault) { faults_.push_back(std::move(fault)); }
    [[nodiscard]] bool empty() const noexcept { return faults_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return faults_.size(); }
    [[nodiscard]] const std::vector<std::string>& all() const noexcept { return faults_; }

    /// FAIL with the first fault when there are any, else PASS with the summary.
    [[nodiscard]] CheckResult verdict(const SuiteContext& context, const std::string& checkName,
                                      const std::string& passSummary) const;
    /// The same, writing CHECK.txt into `outputDirectory`.
    [[nodiscard]] CheckResult verdict(const std::filesystem::path& outputDirectory,
                                      const std::string& checkName,
                                      const std::string& passSummary) const;

  private:
    std::vector<std::string> faults_;
};

}  // namespace vstkit::host::conformance
