#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pluginterfaces/vst/ivsteditcontroller.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

/// Normalized values by parameter id, as the controller reports them.
using ParameterValues = std::map<Steinberg::Vst::ParamID, double>;
using ParameterEdits = std::vector<std::pair<Steinberg::Vst::ParamID, double>>;

/// What every writable parameter holds now.
[[nodiscard]] ParameterValues writableValues(
    const PluginInstance& instance, const std::vector<Steinberg::Vst::ParameterInfo>& parameters);

/// Which values moved from `before`, as one phrase: "changed 8 parameters,
/// e.g. parameter 'Attack' (id 3) from 0.411399 to 0.099099". Empty if none.
[[nodiscard]] std::optional<std::string> changedValues(
    const PluginInstance& instance, const std::vector<Steinberg::Vst::ParameterInfo>& parameters,
    const ParameterValues& before);

/// Sets values on a started instance the way a DAW sends a user's edit: the
/// controller told, the processor reached by a point at offset 0 of a block.
void applyEdits(PluginInstance& instance, const ParameterEdits& edits);

}  // namespace vstkit::host::conformance
