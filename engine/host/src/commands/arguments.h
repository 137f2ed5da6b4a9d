#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vstkit::host {

/// Parses "POSITIONAL --flag --option value --option=value" against the
/// options a command knows. Throws HostError on anything else.
class Arguments final {
  public:
    Arguments(std::span<const std::string_view> arguments, std::set<std::string, std::less<>> flags,
              std::set<std::string, std::less<>> options,
              std::set<std::string, std::less<>> repeatable = {});

    [[nodiscard]] const std::vector<std::string>& positional() const noexcept {
        return positional_;
    }
    [[nodiscard]] bool has(std::string_view flag) const {
        return flags_.contains(std::string{flag});
    }
    [[nodiscard]] std::optional<std::string> value(std::string_view option) const;
    [[nodiscard]] std::vector<std::string> values(std::string_view option) const;

    /// The single positional argument a command requires (e.g. the bundle).
    [[nodiscard]] std::string onlyPositional(std::string_view what) const;

    [[nodiscard]] static int parseInt(std::string_view option, const std::string& text, int min,
                                      int max);
    [[nodiscard]] static double parseDouble(std::string_view option, const std::string& text,
                                            double min, double max);

  private:
    std::vector<std::string> positional_;
    std::set<std::string, std::less<>> flags_;
    std::multimap<std::string, std::string, std::less<>> options_;
};

}  // namespace vstkit::host
