#pragma once

#include <span>
#include <string>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::bridge {

/// A TypeScript module for a plugin's web page, from its parameter table:
/// `parameterTable` (each row's name, unit, kind, range, default and
/// choices, as const), the `ParameterId` union of the stable ids, and a
/// declaration that narrows @vstkit/ui's hooks and controls to those ids, so
/// `useParameter("gian")` fails `tsc`.
[[nodiscard]] std::string parameterTypesModule(std::span<const protocol::ParamSpec> parameters);

}  // namespace vstkit::bridge
