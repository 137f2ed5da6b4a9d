#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "check.h"
#include "fault_list.h"
#include "number_text.h"
#include "parameter_traits.h"
#include "vst3/plugin_instance.h"
#include "vst3/strings.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

using Vst::ParameterInfo;

bool has(const ParameterInfo& info, int32 flag) {
    return (info.flags & flag) != 0;
}

/// What a parameter declares about itself, checked against itself and the
/// VST3 rules for flags.
void checkDeclaration(const ParameterInfo& info, FaultList& faults) {
    const std::string name = nameOf(info);
    if (toUtf8(info.title).empty()) {
        faults.add("parameter id " + std::to_string(info.id) + " has no title");
    }
    if (info.id == Vst::kNoParamId) {
        faults.add(name + " uses kNoParamId (0xffffffff), which hosts read as 'no parameter'");
    }
    if (info.stepCount < 0) {
        faults.add(name + " declares stepCount " + std::to_string(info.stepCount));
    }
    if (!(info.defaultNormalizedValue >= 0.0 && info.defaultNormalizedValue <= 1.0)) {
        faults.add(name + ": default " + formatDouble(info.defaultNormalizedValue, 6) +
                   " is outside 0..1");
    }
    if (has(info, ParameterInfo::kIsReadOnly) && has(info, ParameterInfo::kCanAutomate)) {
        faults.add(name + " is read-only yet flagged automatable");
    }
    if (has(info, ParameterInfo::kIsList) && info.stepCount <= 0) {
        faults.add(name + " is a list (kIsList) with stepCount " + std::to_string(info.stepCount) +
                   ": hosts treat it as continuous");
    }
    if (has(info, ParameterInfo::kIsProgramChange) && info.stepCount <= 0) {
        faults.add(name + " is a program change with stepCount " + std::to_string(info.stepCount) +
                   ": hosts cannot step through the programs");
    }
    if (has(info, ParameterInfo::kIsBypass)) {
        if (info.stepCount != 1) {
            faults.add(name + " is the bypass but has stepCount " + std::to_string(info.stepCount) +
                       ", not 1 (on/off)");
        }
        if (has(info, ParameterInfo::kIsReadOnly)) {
            faults.add(name + " is the bypass but read-only: hosts cannot switch it");
        }
    }
}

/// normalized -> plain -> normalized, normalized -> text -> normalized, and
/// setParamNormalized -> getParamNormalized, at every probe value.
FaultList conversionFaults(PluginInstance& instance, const ParameterInfo& info) {
    FaultList faults;
    auto& controller = instance.controller();
    const std::string name = nameOf(info);
    const auto values = probeValues(info);
    std::optional<std::pair<double, double>> previous;  // normalized, plain
    for (const double value : values) {
        const double plain = controller.normalizedParamToPlain(info.id, value);
        if (!std::isfinite(plain)) {
            faults.add(name + ": normalizedParamToPlain(" + formatDouble(value, 6) + ") is " +
                       formatDouble(plain, 6));
            continue;
        }
        const double back = controller.plainParamToNormalized(info.id, plain);
        if (!sameValue(info, back, value)) {
            faults.add(name + ": normalized " + formatDouble(value, 6) + " -> plain " +
                       formatDouble(plain, 6) + " -> normalized " + formatDouble(back, 6));
        }
        // Steps are distinct values: two steps with one plain value mean the
        // declared stepCount does not match what the parameter holds.
        const double step = value * info.stepCount;
        const bool onStep = isStepped(info) && std::abs(step - std::round(step)) < 1e-9;
        if (onStep && previous && plain == previous->second) {
            faults.add(name + ": stepCount " + std::to_string(info.stepCount) + " but steps " +
                       formatDouble(previous->first, 6) + " and " + formatDouble(value, 6) +
                       " are the same plain value " + formatDouble(plain, 6));
        }
        if (onStep) {
            previous = std::pair{value, plain};
        }

        const std::string shown = instance.textFromNormalized(info.id, value);
        if (shown.empty()) {
            faults.add(name + ": getParamStringByValue(" + formatDouble(value, 6) +
                       ") gives no text");
            continue;
        }
        if (!isWritable(info)) {
            continue;  // Hosts show a read-only value but never type one in.
        }
        const auto parsed = instance.normalizedFromText(info.id, shown);
        if (!parsed) {
            faults.add(name + ": getParamValueByString refuses its own text '" + shown + "'");
            continue;
        }
        // The text is rounded for display: it reads back right when it reads
        // back to a value that shows the same text.
        if (!sameValue(info, *parsed, value) &&
            instance.textFromNormalized(info.id, *parsed) != shown) {
            faults.add(name + ": string '" + shown + "' reads back as " + formatDouble(*parsed, 6) +
                       " ('" + instance.textFromNormalized(info.id, *parsed) + "'), was " +
                       formatDouble(value, 6));
        }
        controller.setParamNormalized(info.id, value);
        const double stored = controller.getParamNormalized(info.id);
        if (!sameValue(info, stored, value)) {
            faults.add(name + ": setParamNormalized(" + formatDouble(value, 6) +
                       ") then getParamNormalized gives " + formatDouble(stored, 6));
        }
    }
    if (isWritable(info)) {
        controller.setParamNormalized(info.id, info.defaultNormalizedValue);
    }
    return faults;
}

/// One broken conversion fails at most probe values: the first few say it.
void addConversionFaults(PluginInstance& instance, const ParameterInfo& info, FaultList& faults) {
    constexpr std::size_t kShownPerParameter = 3;
    const auto found = conversionFaults(instance, info).all();
    for (std::size_t i = 0; i < found.size() && i < kShownPerParameter; ++i) {
        faults.add(found[i]);
    }
    if (found.size() > kShownPerParameter) {
        faults.add(nameOf(info) + ": " + std::to_string(found.size() - kShownPerParameter) +
                   " more conversion faults like those");
    }
}

}  // namespace

CheckResult checkParameters(SuiteContext& context) {
    PluginInstance instance{context.module, context.audioClass, context.host};
    auto& controller = instance.controller();
    FaultList faults;
    const int32 count = controller.getParameterCount();
    std::vector<ParameterInfo> parameters;
    for (int32 index = 0; index < count; ++index) {
        ParameterInfo info{};
        if (controller.getParameterInfo(index, info) != kResultOk) {
            faults.add("getParameterInfo(" + std::to_string(index) + ") fails, of " +
                       std::to_string(count) + " parameters counted");
            continue;
        }
        parameters.push_back(info);
    }

    std::set<Vst::ParamID> ids;
    int bypasses = 0;
    int automatable = 0;
    int stepped = 0;
    for (const auto& info : parameters) {
        if (!ids.insert(info.id).second) {
            faults.add(nameOf(info) + " shares its id with another parameter");
        }
        bypasses += has(info, ParameterInfo::kIsBypass) ? 1 : 0;
        automatable += isAutomatable(info) ? 1 : 0;
        stepped += isStepped(info) ? 1 : 0;
        checkDeclaration(info, faults);
        // Before anything is set, a fresh instance holds its declared defaults.
        // Read-only parameters report live readings (a meter, the block
        // size), which owe nothing to a default.
        const double current = controller.getParamNormalized(info.id);
        if (isWritable(info) && !sameValue(info, current, info.defaultNormalizedValue)) {
            faults.add(nameOf(info) + ": a new instance holds " + formatDouble(current, 6) +
                       ", but its declared default is " +
                       formatDouble(info.defaultNormalizedValue, 6));
        }
    }
    if (bypasses > 1) {
        faults.add(std::to_string(bypasses) +
                   " parameters are flagged kIsBypass; at most one may be");
    }
    for (const auto& info : parameters) {
        addConversionFaults(instance, info, faults);
    }
    return faults.verdict(context, "parameters",
                          std::to_string(parameters.size()) + " parameters (" +
                              std::to_string(automatable) + " automatable, " +
                              std::to_string(stepped) + " stepped, " +
                              (bypasses == 1 ? "a bypass" : "no bypass") +
                              "): defaults, flags, plain and text round trips, set/get agree");
}

}  // namespace vstkit::host::conformance
