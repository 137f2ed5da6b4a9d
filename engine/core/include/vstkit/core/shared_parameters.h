#pragma once

#include <cstdint>
#include <span>

#include "vstkit/core/parameter_store.h"

namespace vstkit::core {

/// What one plugin instance's audio side and its controller and editor share.
/// Created by the audio side; the controller holds a reference once the two
/// are connected, so either may be destroyed first.
struct SharedParameters {
    /// Host thread: allocates.
    explicit SharedParameters(std::span<const protocol::ParamSpec> table) : values(table) {}

    /// Current plain values: written by the audio thread after each block
    /// (each row's last applied value) and by the host thread when state is
    /// loaded. A controller or editor follows playback by polling it.
    ParameterStore values;
};

}  // namespace vstkit::core
