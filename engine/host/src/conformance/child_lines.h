#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "check.h"

namespace vstkit::host::conformance {

/// What an isolated check's child process tells its parent, one line each:
/// "@" and the step it is in, then "=" with the verdict's letter and detail.
/// The same on Linux (a pipe from the fork) and Windows (the child's stdout).
[[nodiscard]] std::string stepLine(std::string_view step);
[[nodiscard]] std::string resultLine(const CheckResult& result);

/// The parent's side: takes the bytes as they arrive, keeps the last step
/// and the result. Other lines (a plugin printing) are ignored.
class ChildLines final {
  public:
    void take(std::string_view bytes);

    [[nodiscard]] const std::string& step() const noexcept { return step_; }
    [[nodiscard]] const std::optional<CheckResult>& result() const noexcept { return result_; }
    /// " while <step>" for a failure's detail, or nothing before the first step.
    [[nodiscard]] std::string whileStep() const;

  private:
    std::string pending_;
    std::string step_;
    std::optional<CheckResult> result_;
};

}  // namespace vstkit::host::conformance
