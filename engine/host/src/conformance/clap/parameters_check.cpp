#include <cmath>
#include <cstring>
#include <set>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"

namespace vstkit::host::conformance {

namespace {

bool isInteger(double value) {
    return std::isfinite(value) && value == std::round(value);
}

/// Flags and range: what a host reads before it shows the parameter.
void checkDeclaration(const clap_abi::ParamInfo& info, FaultList& faults) {
    const std::string name = nameOf(info);
    if (info.name[0] == '\0') {
        faults.add(name + " has no name");
    }
    if (!std::isfinite(info.minValue) || !std::isfinite(info.maxValue) ||
        !(info.minValue < info.maxValue)) {
        faults.add(name + " has the range " + formatDouble(info.minValue, 6) + " to " +
                   formatDouble(info.maxValue, 6) + " (finite, min below max)");
        return;
    }
    if (!(info.defaultValue >= info.minValue && info.defaultValue <= info.maxValue)) {
        faults.add(name + "'s default " + formatDouble(info.defaultValue, 6) +
                   " is outside its range " + formatDouble(info.minValue, 6) + " to " +
                   formatDouble(info.maxValue, 6));
    }
    if (isStepped(info) &&
        (!isInteger(info.minValue) || !isInteger(info.maxValue) || !isInteger(info.defaultValue))) {
        faults.add(name +
                   " is stepped or an enum but its min, max or default is not a whole "
                   "number (" +
                   formatDouble(info.minValue, 6) + ", " + formatDouble(info.maxValue, 6) + ", " +
                   formatDouble(info.defaultValue, 6) + ")");
    }
    if ((info.flags & clap_abi::kParamIsEnum) != 0 &&
        (info.flags & clap_abi::kParamIsStepped) == 0) {
        faults.add(name + " is CLAP_PARAM_IS_ENUM without CLAP_PARAM_IS_STEPPED");
    }
    if (isBypass(info) && (!isStepped(info) || info.minValue != 0.0 || info.maxValue != 1.0)) {
        faults.add(name + " is the bypass but not a stepped 0..1 switch");
    }
}

/// Each probe value to text and back: the value comes back (the same step;
/// within 1% of the range, as text rounds), and so does the text.
void checkConversions(const ClapInstance& instance, const clap_abi::ParamInfo& info,
                      FaultList& faults) {
    const std::string name = nameOf(info);
    const double tolerance = isStepped(info) ? 0.0 : 0.01 * (info.maxValue - info.minValue);
    for (const double value : probeValues(info)) {
        const auto text = instance.valueToText(info.id, value);
        if (!text) {
            faults.add(name + ": value_to_text(" + formatDouble(value, 6) + ") fails");
            return;
        }
        if (text->empty()) {
            faults.add(name + ": value_to_text(" + formatDouble(value, 6) + ") gives no text");
            return;
        }
        const auto back = instance.textToValue(info.id, *text);
        if (!back) {
            faults.add(name + ": text_to_value(\"" + *text + "\") fails on its own text for " +
                       formatDouble(value, 6));
            return;
        }
        const bool close = isStepped(info) ? std::lround(*back) == std::lround(value)
                                           : std::abs(*back - value) <= tolerance;
        if (!close) {
            faults.add(name + ": " + formatDouble(value, 6) + " shows as \"" + *text +
                       "\", which reads back as " + formatDouble(*back, 6));
            return;
        }
        if (const auto again = instance.valueToText(info.id, *back); again != text) {
            faults.add(name + ": \"" + *text + "\" reads back as " + formatDouble(*back, 6) +
                       ", which shows as \"" + again.value_or("(fails)") + "\"");
            return;
        }
    }
    for (const char* garbage : {"", "garbage!?", "1e999x", "--"}) {
        if (const auto value = instance.textToValue(info.id, garbage)) {
            faults.add(name + ": text_to_value(\"" + garbage + "\") accepts it as " +
                       formatDouble(*value, 6) + "; it must return false");
            return;
        }
    }
    // A small buffer: the text must be cut and terminated inside it.
    char small[8];
    std::memset(small, 'x', sizeof small);
    const auto& params = *instance.extensions().params;
    if (params.valueToText(&instance.plugin(), info.id, info.defaultValue, small, 4) &&
        (std::memchr(small, '\0', 4) == nullptr || small[4] != 'x')) {
        faults.add(name +
                   ": value_to_text with a 4-byte buffer writes past it or leaves it "
                   "unterminated");
    }
}

}  // namespace

CheckResult checkClapParameters(ClapSuiteContext& context) {
    FaultList faults;
    ClapInstance instance{context.module, context.pluginId};
    const auto* params = instance.extensions().params;
    if (params == nullptr) {
        return CheckResult::skip("no params extension (clap.params)");
    }
    const auto& plugin = instance.plugin();
    const std::uint32_t count = params->count(&plugin);
    if (instance.parameters().size() != count) {
        faults.add("params count() is " + std::to_string(count) + " but get_info succeeds for " +
                   std::to_string(instance.parameters().size()));
    }
    clap_abi::ParamInfo past{};
    if (params->getInfo(&plugin, count, &past)) {
        faults.add("get_info(" + std::to_string(count) + ") past the end succeeds");
    }
    std::set<clap_abi::Id> ids;
    clap_abi::Id unused = 0;
    int stepped = 0;
    int automatable = 0;
    for (const auto& info : instance.parameters()) {
        const std::string name = nameOf(info);
        reportStep("checking " + name);
        if (info.id == clap_abi::kInvalidId) {
            faults.add(name + " uses CLAP_INVALID_ID as its id");
        }
        if (!ids.insert(info.id).second) {
            faults.add(name + " repeats an id another parameter has");
        }
        unused = std::max(unused, info.id + 1);
        stepped += isStepped(info) ? 1 : 0;
        automatable += isAutomatable(info) ? 1 : 0;
        checkDeclaration(info, faults);
        const auto value = instance.value(info.id);
        if (!value) {
            faults.add(name + ": get_value fails");
        } else if (!(*value >= info.minValue && *value <= info.maxValue)) {
            faults.add(name + ": get_value gives " + formatDouble(*value, 6) +
                       ", outside its range");
        } else if (!sameValue(info, *value, info.defaultValue)) {
            faults.add(name + ": a new instance holds " + formatDouble(*value, 6) +
                       ", not its default " + formatDouble(info.defaultValue, 6));
        }
        checkConversions(instance, info, faults);
    }
    for (const clap_abi::Id id : {unused, clap_abi::kInvalidId}) {
        if (ids.contains(id)) {
            continue;
        }
        double value = 0.0;
        if (params->getValue(&plugin, id, &value)) {
            faults.add("get_value(" + std::to_string(id) + "), an id no parameter has, succeeds");
        }
        if (instance.valueToText(id, 0.0)) {
            faults.add("value_to_text(" + std::to_string(id) +
                       "), an id no parameter has, succeeds");
        }
        if (instance.textToValue(id, "0")) {
            faults.add("text_to_value(" + std::to_string(id) +
                       "), an id no parameter has, succeeds");
        }
    }
    return faults.verdict(context.outputDirectory, "parameters",
                          std::to_string(count) + " parameters (" + std::to_string(automatable) +
                              " automatable, " + std::to_string(stepped) +
                              " stepped): ranges, defaults, values, text round trips; bad ids "
                              "and garbage text refused");
}

}  // namespace vstkit::host::conformance
