#include "parameter_snapshot.h"

#include "number_text.h"
#include "parameter_traits.h"
#include "signal.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

ParameterValues writableValues(const PluginInstance& instance,
                               const std::vector<Vst::ParameterInfo>& parameters) {
    ParameterValues values;
    for (const auto& info : parameters) {
        if (isWritable(info)) {
            values[info.id] = instance.controller().getParamNormalized(info.id);
        }
    }
    return values;
}

std::optional<std::string> changedValues(const PluginInstance& instance,
                                         const std::vector<Vst::ParameterInfo>& parameters,
                                         const ParameterValues& before) {
    std::size_t changed = 0;
    std::string example;
    for (const auto& info : parameters) {
        const auto found = before.find(info.id);
        if (found == before.end()) {
            continue;
        }
        const double now = instance.controller().getParamNormalized(info.id);
        if (!sameValue(info, now, found->second) && changed++ == 0) {
            example = nameOf(info) + " from " + formatDouble(found->second, 6) + " to " +
                      formatDouble(now, 6);
        }
    }
    if (changed == 0) {
        return std::nullopt;
    }
    return changed == 1 ? "changed " + example
                        : "changed " + std::to_string(changed) + " parameters, e.g. " + example;
}

void applyEdits(PluginInstance& instance, const ParameterEdits& edits) {
    for (const auto& [id, value] : edits) {
        instance.controller().setParamNormalized(id, value);
    }
    const auto block = static_cast<std::size_t>(instance.config().maxBlockFrames);
    const std::vector<float> silence(block * 4, 0.0F);
    (void)play(instance, silence, fixedBlocks(block),
               [&](std::size_t start, std::size_t, ParameterChanges& changes) {
                   if (start == 0) {
                       for (const auto& [id, value] : edits) {
                           changes.add(id, 0, value);
                       }
                   }
               });
}

}  // namespace vstkit::host::conformance
