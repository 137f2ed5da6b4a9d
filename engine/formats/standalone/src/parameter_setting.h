#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::formats::standalone {

/// One `--set ID=VALUE` from the command line: a row of the parameter table
/// and the plain value to start it at.
struct ParameterSetting {
    std::size_t index = 0;
    float plain = 0.0F;
};

struct ParameterSettingResult {
    /// Set only when the text named a parameter and a value it takes.
    std::optional<ParameterSetting> setting;
    /// One line for the user otherwise.
    std::string error;
};

/// What a parameter takes, for help and errors: "-24.0 dB to 24.0 dB",
/// "on or off", or a choice's labels ("sine, saw or square").
[[nodiscard]] std::string describeAcceptedValues(const protocol::ParamSpec& spec);

/// Reads "gain=-6" or "bypass=on": ID is a stable id from the parameter table,
/// VALUE is read as a person would type it into the editor (protocol::parseValue).
[[nodiscard]] ParameterSettingResult parseParameterSetting(std::string_view text);

}  // namespace vstkit::formats::standalone
