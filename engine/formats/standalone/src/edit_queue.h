#pragma once

#include <cstdint>

#include "vstkit/core/spsc_queue.h"

namespace vstkit::formats::standalone {

/// One edit: a table row's new plain value.
struct ParameterEdit {
    std::uint32_t index = 0;
    float plain = 0.0F;
};

/// Editor (main thread) -> audio thread: a parameter's new plain value. With
/// no host in between, this is the path every edit takes to the audio.
/// Preallocated, lock-free: the audio thread only pops.
using EditQueue = core::SpscQueue<ParameterEdit, 256>;

}  // namespace vstkit::formats::standalone
