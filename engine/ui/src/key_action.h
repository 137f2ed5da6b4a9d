#pragma once

#include <cstdint>

namespace vstkit::ui {

/// What a key does to the row that has the keyboard: each change is one
/// whole edit gesture in the host (begin, perform, end).
enum class KeyAction : std::uint8_t {
    /// Arrow up or right: one step up (a slider's 1 %, a stepped row's or a
    /// choice's next value, a toggle on).
    StepUp,
    StepDown,
    /// With Shift: a tenth of a slider's step (a stepped row still moves one).
    FineStepUp,
    FineStepDown,
    /// Enter: type a value (slider), flip (toggle), next label (choice).
    Activate,
};

}  // namespace vstkit::ui
