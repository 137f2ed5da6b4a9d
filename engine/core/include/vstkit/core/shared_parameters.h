#pragma once

#include <cstdint>
#include <span>

#include "vstkit/core/output_meters.h"
#include "vstkit/core/parameter_store.h"

namespace vstkit::core {

/// What one plugin instance's audio side and its controller and editor share:
/// the parameter values and the output meters.
/// Created by the audio side; the controller holds a reference once the two
/// are connected, so either may be destroyed first.
struct SharedParameters {
    /// Host thread: allocates.
    explicit SharedParameters(std::span<const protocol::ParamSpec> table) : values(table) {}

    /// Current plain values: written by the audio thread after each block
    /// (each row's last applied value) and by the host thread when state is
    /// loaded. A controller or editor follows playback by polling it.
    ParameterStore values;

    /// The output's peak and RMS, written by the audio thread while an
    /// editor (or meter port) listens.
    OutputMeters meters;
};

}  // namespace vstkit::core
