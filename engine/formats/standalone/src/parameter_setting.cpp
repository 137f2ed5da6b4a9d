#include "parameter_setting.h"

#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::formats::standalone {
namespace {

std::string knownIds() {
    std::string ids;
    for (const auto& spec : core::pluginDefinition().parameters) {
        ids += ids.empty() ? "" : ", ";
        ids += spec.stableId;
    }
    return ids;
}

}  // namespace

std::string describeAcceptedValues(const protocol::ParamSpec& spec) {
    if (spec.kind == protocol::ParamKind::Toggle) {
        return "on or off";
    }
    if (spec.kind == protocol::ParamKind::Choice) {
        std::string labels;
        for (std::size_t i = 0; i < spec.choices.size(); ++i) {
            labels += i == 0 ? "" : (i + 1 == spec.choices.size() ? " or " : ", ");
            labels += spec.choices[i];
        }
        return labels;
    }
    return protocol::formatValue(spec, spec.minValue) + " to " +
           protocol::formatValue(spec, spec.maxValue);
}

ParameterSettingResult parseParameterSetting(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        return {std::nullopt,
                "--set needs ID=VALUE, e.g. --set gain=-6 (got '" + std::string{text} + "')"};
    }
    const std::string_view id = text.substr(0, equals);
    const std::string_view value = text.substr(equals + 1);
    for (std::size_t index = 0; index < core::pluginDefinition().parameters.size(); ++index) {
        const auto& spec = core::pluginDefinition().parameters[index];
        if (spec.stableId != id) {
            continue;
        }
        if (const auto plain = protocol::parseValue(spec, value)) {
            return {ParameterSetting{index, *plain}, {}};
        }
        // Appended, not added: GCC 12 at -O3 warns falsely (-Wrestrict) on "x" + string.
        std::string error{"'"};
        error.append(value).append("' is not a value for ").append(id);
        error.append(" (it takes ").append(describeAcceptedValues(spec)).append(")");
        return {std::nullopt, error};
    }
    std::string error{"no parameter '"};
    error.append(id).append("' (the parameters are ").append(knownIds()).append(")");
    return {std::nullopt, error};
}

}  // namespace vstkit::formats::standalone
