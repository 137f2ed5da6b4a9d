#include "fault_list.h"

#include <fstream>

#include "platform/utf8_path.h"

namespace vstkit::host::conformance {

CheckResult FaultList::verdict(const SuiteContext& context, const std::string& checkName,
                               const std::string& passSummary) const {
    return verdict(context.outputDirectory, checkName, passSummary);
}

CheckResult FaultList::verdict(const std::filesystem::path& outputDirectory,
                               const std::string& checkName, const std::string& passSummary) const {
    const auto path = outputDirectory / (checkName + ".txt");
    std::ofstream file{path};
    for (const auto& fault : faults_) {
        file << fault << '\n';
    }
    if (faults_.empty()) {
        file << "no faults: " << passSummary << '\n';
        return CheckResult::pass(passSummary);
    }
    std::string detail = faults_.front();
    if (faults_.size() > 1) {
        detail += " (and " + std::to_string(faults_.size() - 1) + " more: " + utf8Of(path) + ")";
    }
    return CheckResult::fail(detail);
}

}  // namespace vstkit::host::conformance
