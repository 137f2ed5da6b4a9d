#include <cmath>

#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"
#include "vst3/strings.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/params.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

CheckResult checkParameters(SuiteContext& context) {
    PluginInstance instance{context.module, context.module.firstClassOf(kVstAudioEffectClass),
                            context.host};
    const auto parameters = instance.parameters();
    std::size_t matched = 0;
    std::string extras;
    for (const auto& info : parameters) {
        const std::string title = toUtf8(info.title);
        const protocol::ParamSpec* spec = nullptr;
        for (const auto& row : protocol::kParams) {
            if (row.name == title) {
                spec = &row;
            }
        }
        if (spec == nullptr) {
            if ((info.flags & Vst::ParameterInfo::kIsBypass) == 0) {
                return CheckResult::fail("parameter '" + title + "' is not in the protocol table");
            }
            extras += " + host bypass";
            continue;
        }
        ++matched;
        if (toUtf8(info.units) != spec->unit) {
            return CheckResult::fail(title + ": units '" + toUtf8(info.units) +
                                     "', protocol says '" + std::string{spec->unit} + "'");
        }
        if ((info.flags & Vst::ParameterInfo::kCanAutomate) == 0) {
            return CheckResult::fail(title + " is not automatable");
        }
        const int32 expectedSteps = spec->kind == protocol::ParamKind::Toggle ? 1 : 0;
        if (info.stepCount != expectedSteps) {
            return CheckResult::fail(title + " has " + std::to_string(info.stepCount) +
                                     " steps; the protocol says " + std::to_string(expectedSteps));
        }
        const bool isBypass = (info.flags & Vst::ParameterInfo::kIsBypass) != 0;
        if (isBypass != (spec->role == protocol::ParamRole::Bypass)) {
            return CheckResult::fail(title + (isBypass ? " is" : " is not") +
                                     " flagged kIsBypass, against the protocol");
        }
        // Hosts show and automate plain values: the ends of the range must map.
        auto& controller = instance.controller();
        const double plainAtZero = controller.normalizedParamToPlain(info.id, 0.0);
        const double plainAtOne = controller.normalizedParamToPlain(info.id, 1.0);
        if (std::abs(plainAtZero - spec->minValue) > 1e-4 ||
            std::abs(plainAtOne - spec->maxValue) > 1e-4) {
            return CheckResult::fail(
                title + ": normalizedParamToPlain gives " + formatDouble(plainAtZero, 3) + ".." +
                formatDouble(plainAtOne, 3) + ", protocol says " + formatDouble(spec->minValue, 3) +
                ".." + formatDouble(spec->maxValue, 3));
        }
        const double normalizedOfDefault =
            controller.plainParamToNormalized(info.id, spec->defaultValue);
        if (std::abs(normalizedOfDefault - protocol::toNormalized(*spec, spec->defaultValue)) >
            1e-6) {
            return CheckResult::fail(title + ": plainParamToNormalized(default) is " +
                                     formatDouble(normalizedOfDefault, 6));
        }
        const double expectedDefault = protocol::toNormalized(*spec, spec->defaultValue);
        if (std::abs(info.defaultNormalizedValue - expectedDefault) > 1e-6) {
            return CheckResult::fail(title + ": default " +
                                     formatDouble(info.defaultNormalizedValue, 6) +
                                     ", protocol says " + formatDouble(expectedDefault, 6));
        }
        // Range and text: both ends and a few points between, both ways.
        for (const float plain :
             {spec->minValue, -6.0F, spec->defaultValue, 3.3F, spec->maxValue}) {
            const double normalized = protocol::toNormalized(*spec, plain);
            const std::string shown = instance.textFromNormalized(info.id, normalized);
            const std::string expected = protocol::formatValue(*spec, plain);
            if (shown != expected) {
                return CheckResult::fail(title + " at " + formatDouble(normalized, 4) + " shows '" +
                                         shown + "', protocol says '" + expected + "'");
            }
            const auto parsed = instance.normalizedFromText(info.id, expected);
            if (!parsed || std::abs(*parsed - normalized) > 1e-5) {
                return CheckResult::fail(
                    title + ": text '" + expected + "' parses to " +
                    (parsed ? formatDouble(*parsed, 6) : std::string{"nothing"}));
            }
        }
    }
    if (matched != protocol::kParams.size()) {
        return CheckResult::fail("found " + std::to_string(matched) + " of " +
                                 std::to_string(protocol::kParams.size()) + " protocol parameters");
    }
    return CheckResult::pass(
        std::to_string(matched) + " protocol parameter(s)" + extras +
        "; units, steps, bypass flag, default, plain range and text match, automatable");
}

}  // namespace vstkit::host::conformance
