#include "state_loading.h"

#include <algorithm>

#include "vstkit/formats/vst3/juce_state_trailer.h"
#include "vstkit/protocol/params.h"

namespace vstkit::formats::vst3 {

protocol::StateParseResult parseComponentState(std::span<const std::uint8_t> blob) {
    const SplitState split = splitJuceTrailer(blob);
    auto result = protocol::parseState(split.vstkitState);
    if (!result.values || !split.juceBypass) {
        return result;
    }
    // JUCE builds kept bypass out of VstKit's blob; the trailer has it.
    const auto bypassRow =
        std::find_if(protocol::kParams.begin(), protocol::kParams.end(),
                     [](const auto& spec) { return spec.role == protocol::ParamRole::Bypass; });
    if (bypassRow != protocol::kParams.end()) {
        (*result.values)[protocol::indexOf(bypassRow->id)] =
            *split.juceBypass ? bypassRow->maxValue : bypassRow->minValue;
    }
    return result;
}

}  // namespace vstkit::formats::vst3
