#include "vstkit/bridge/parameter_types_module.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "kind_name.h"

namespace vstkit::bridge {
namespace {

/// A JSON string is a valid TypeScript string literal, escapes and all.
std::string literal(std::string_view text) {
    return nlohmann::json(std::string{text}).dump();
}

/// Numbers as the table has them: shortest form, no float noise.
std::string number(float value) {
    return nlohmann::json(static_cast<double>(value)).dump();
}

}  // namespace

std::string parameterTypesModule(std::span<const protocol::ParamSpec> parameters) {
    std::string text =
        "// Written by the build from plugin.h's parameter table. Do not edit: change the\n"
        "// table and build (./vstkit dev rebuilds it on save).\n"
        "export const parameterTable = {\n";
    for (const protocol::ParamSpec& spec : parameters) {
        text += "  " + literal(spec.stableId) + ": {\n";
        text += "    name: " + literal(spec.name) + ",\n";
        text += "    unit: " + literal(spec.unit) + ",\n";
        text += "    kind: " + literal(kindName(spec.kind)) + ",\n";
        text += "    min: " + number(spec.minValue) + ",\n";
        text += "    max: " + number(spec.maxValue) + ",\n";
        text += "    default: " + number(spec.defaultValue) + ",\n";
        if (spec.kind == protocol::ParamKind::Choice) {
            text += "    choices: [";
            for (std::size_t index = 0; index < spec.choices.size(); ++index) {
                text += (index == 0 ? "" : ", ") + literal(spec.choices[index]);
            }
            text += "],\n";
        }
        text += "  },\n";
    }
    text +=
        "} as const;\n"
        "\n"
        "export type ParameterId = keyof typeof parameterTable;\n"
        "\n"
        "export const parameterIds = Object.keys(parameterTable) as ParameterId[];\n"
        "\n"
        "declare module \"@vstkit/ui\" {\n"
        "  interface PluginParameters {\n"
        "    ids: ParameterId;\n"
        "  }\n"
        "}\n";
    return text;
}

}  // namespace vstkit::bridge
