#pragma once

#include <cstdint>

#include "vstkit/core/spsc_queue.h"

namespace vstkit::formats::clap {

/// One step of a person's edit in the editor, on its way from the UI thread
/// to the thread that next processes or flushes, which applies it and tells
/// the host (CLAP has no other way for a plugin to report an edit).
struct EditorEdit {
    enum class Kind : std::uint8_t { Begin, Value, End };
    Kind kind = Kind::Value;
    std::uint32_t row = 0;
    /// Plain value, for Kind::Value.
    float plain = 0.0F;
};

/// Room for a fast drag across many rows between two host callbacks; when
/// full, a value step is dropped (a later one carries the final value).
using EditorEditQueue = core::SpscQueue<EditorEdit, 1024>;

}  // namespace vstkit::formats::clap
