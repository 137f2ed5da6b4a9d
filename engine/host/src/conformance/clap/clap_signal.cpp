#include "clap_signal.h"
#include "clap/clap_buffers.h"

#include <algorithm>

#include "conformance/output_bounds.h"

namespace vstkit::host::conformance {

ClapRun playClap(ClapInstance& instance, std::span<const float> input, const BlockPlan& blocks,
                 const ClapEventsPlan& eventsPlan) {
    const std::size_t maxBlock = instance.maxFrames();
    const std::size_t inputCount = instance.ports().mainInputChannels();
    const std::size_t outputCount = instance.ports().mainOutputChannels();
    ClapBuffers buffers{inputCount, outputCount, maxBlock};
    auto& [inputs, outputs, inputPointers, outputPointers] = buffers;
    InputEventList events{std::max<std::size_t>(instance.parameters().size() * 8, 64)};
    ClapRun run;
    run.output.channels.resize(outputCount);  // A fresh run: empty channels.
    for (auto& channel : run.output.channels) {
        channel.reserve(input.size());
    }
    std::size_t blockIndex = 0;
    for (std::size_t start = 0; start < input.size(); ++blockIndex) {
        const std::size_t frames = std::min({blocks(blockIndex), input.size() - start, maxBlock});
        for (auto& channel : inputs) {
            std::copy_n(input.begin() + static_cast<long>(start), frames, channel.begin());
        }
        events.clear();
        if (eventsPlan) {
            eventsPlan(start, frames, events);
        }
        if (frames > 0) {
            run.output.blockStarts.push_back(start);
        }
        instance.outputEvents().clear();
        const auto status = instance.process(inputPointers, outputPointers,
                                             static_cast<std::uint32_t>(frames), events);
        if (status == clap_abi::kProcessError && run.errorCalls++ == 0) {
            run.firstErrorFrame = start;
        }
        for (std::size_t channel = 0; channel < outputCount; ++channel) {
            run.output.channels[channel].insert(
                run.output.channels[channel].end(), outputs[channel].begin(),
                outputs[channel].begin() + static_cast<long>(frames));
        }
        start += frames;
    }
    return run;
}

std::optional<std::string> runFault(const ClapRun& run) {
    if (run.errorCalls > 0) {
        return "process() returned CLAP_PROCESS_ERROR at frame " +
               std::to_string(run.firstErrorFrame) + " (" + std::to_string(run.errorCalls) +
               " failed calls)";
    }
    return outputFault(run.output);
}

}  // namespace vstkit::host::conformance
