#pragma once

#include <cstdint>

namespace vstkit::dsp {

/// One parameter change inside a block: from `offset` (frames from the
/// block's start) on, row `index` of the parameter table has plain `value`.
/// Formats turn their own automation (VST3 queue points, LV2 control ports)
/// into these, so the processor never sees a plugin API.
struct ParameterEvent {
    std::uint32_t offset = 0;
    std::uint32_t index = 0;
    float value = 0.0F;
};

}  // namespace vstkit::dsp
