#include "state_loading.h"

#include <algorithm>

#include "vstkit/formats/vst3/juce_state_trailer.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::formats::vst3 {

protocol::StateParseResult parseComponentState(std::span<const protocol::ParamSpec> table,
                                               std::span<const std::uint8_t> blob) {
    const SplitState split = splitJuceTrailer(blob);
    auto result = protocol::parseState(table, split.vstkitState);
    if (!result.values || !split.juceBypass) {
        return result;
    }
    // JUCE builds kept bypass out of VstKit's blob; the trailer has it.
    const auto bypassRow = std::find_if(table.begin(), table.end(), [](const auto& spec) {
        return spec.role == protocol::ParamRole::Bypass;
    });
    if (bypassRow != table.end()) {
        (*result.values)[static_cast<std::size_t>(bypassRow - table.begin())] =
            *split.juceBypass ? bypassRow->maxValue : bypassRow->minValue;
    }
    return result;
}

}  // namespace vstkit::formats::vst3
