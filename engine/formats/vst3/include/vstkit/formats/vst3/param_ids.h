#pragma once

// A row's VST3 ParamID is its protocol id (protocol/param_ids.h): the same
// number CLAP uses, fixed forever.
#include "vstkit/protocol/param_ids.h"

namespace vstkit::formats::vst3 {

using protocol::hashStableId;
using protocol::kBypassParamId;
using protocol::paramIdOf;
using protocol::paramIdsAreUnique;

}  // namespace vstkit::formats::vst3
