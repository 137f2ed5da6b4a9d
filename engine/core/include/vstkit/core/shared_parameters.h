#pragma once

#include <atomic>
#include <cstdint>
#include <span>

#include "vstkit/core/parameter_store.h"
#include "vstkit/core/spsc_queue.h"

namespace vstkit::core {

/// A value the audio thread applied, reported to the controller side.
struct ParameterChange {
    std::uint32_t index = 0;
    float plain = 0.0F;
};

/// What one plugin instance's audio side and its controller and editor share.
/// Created by the audio side; the controller holds a reference once the two
/// are connected, so either may be destroyed first.
struct SharedParameters {
    /// Host thread: allocates.
    explicit SharedParameters(std::span<const protocol::ParamSpec> table) : values(table) {}

    /// Current plain values (written by the audio thread after applying
    /// automation, and by the host thread when state is loaded).
    ParameterStore values;
    /// Bumped by the host thread after it loads state into `values`; the audio
    /// thread then applies all of them at the next block's start.
    std::atomic<std::uint32_t> loadedStateGeneration{0};
    /// Audio thread -> controller: each row's last applied value per block,
    /// in order. Drained on the UI thread's timer.
    SpscQueue<ParameterChange, 256> appliedChanges;
    /// Set by the audio thread when appliedChanges was full and news was
    /// dropped: the controller then rereads every row from `values`.
    std::atomic<bool> appliedChangesDropped{false};
};

}  // namespace vstkit::core
