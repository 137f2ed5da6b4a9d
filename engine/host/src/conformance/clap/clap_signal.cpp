#include "clap_signal.h"

#include <algorithm>

#include "conformance/output_bounds.h"

namespace vstkit::host::conformance {

ClapRun playClap(ClapInstance& instance, std::span<const float> input, const BlockPlan& blocks,
                 const ClapEventsPlan& eventsPlan) {
    const std::size_t maxBlock = instance.maxFrames();
    const std::size_t inputCount = instance.ports().mainInputChannels();
    const std::size_t outputCount = instance.ports().mainOutputChannels();
    std::vector<std::vector<float>> inputs(inputCount, std::vector<float>(maxBlock));
    std::vector<std::vector<float>> outputs(outputCount, std::vector<float>(maxBlock));
    std::vector<float*> inputPointers;
    std::vector<float*> outputPointers;
    for (auto& channel : inputs) {
        inputPointers.push_back(channel.data());
    }
    for (auto& channel : outputs) {
        outputPointers.push_back(channel.data());
    }
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

std::optional<std::size_t> firstDifference(const RunOutput& a, const RunOutput& b) {
    for (std::size_t channel = 0; channel < a.channels.size() && channel < b.channels.size();
         ++channel) {
        const auto& x = a.channels[channel];
        const auto& y = b.channels[channel];
        for (std::size_t frame = 0; frame < x.size() && frame < y.size(); ++frame) {
            if (x[frame] != y[frame]) {
                return frame;
            }
        }
    }
    return std::nullopt;
}

}  // namespace vstkit::host::conformance
