#pragma once

#include "vstkit/core/shared_parameters.h"
#include "vstkit/core/spsc_queue.h"

namespace vstkit::formats::standalone {

/// Editor (main thread) -> audio thread: a parameter's new plain value. With
/// no host in between, this is the path every edit takes to the audio.
/// Preallocated, lock-free: the audio thread only pops.
using EditQueue = core::SpscQueue<core::ParameterChange, 256>;

}  // namespace vstkit::formats::standalone
