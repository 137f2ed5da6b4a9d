#pragma once

#include <string>
#include <string_view>

namespace vstkit::host {

/// A JSON string literal, quotes included, with everything escaped.
[[nodiscard]] std::string jsonString(std::string_view text);

}  // namespace vstkit::host
