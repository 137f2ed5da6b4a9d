#include "signal.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <type_traits>

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

template <typename Sample>
RunOutput playAs(PluginInstance& instance, std::span<const float> input, const BlockPlan& blocks,
                 const ChangesPlan& changesPlan) {
    const auto maxBlock = static_cast<std::size_t>(instance.config().maxBlockFrames);
    const auto& layout = instance.busLayout();
    const auto inputCount = static_cast<std::size_t>(layout.mainInputs());
    const auto outputCount = static_cast<std::size_t>(layout.mainOutputs());
    std::vector<std::vector<Sample>> inputs(inputCount, std::vector<Sample>(maxBlock));
    std::vector<std::vector<Sample>> outputs(outputCount, std::vector<Sample>(maxBlock));
    std::vector<Sample*> inputPointers;
    std::vector<Sample*> outputPointers;
    for (auto& channel : inputs) {
        inputPointers.push_back(channel.data());
    }
    for (auto& channel : outputs) {
        outputPointers.push_back(channel.data());
    }
    auto changes = owned(new ParameterChanges(instance.parameters().size()));
    RunOutput result;
    result.channels.assign(outputCount, {});
    for (auto& channel : result.channels) {
        channel.reserve(input.size());
    }
    std::size_t blockIndex = 0;
    for (std::size_t start = 0; start < input.size(); ++blockIndex) {
        const std::size_t frames = std::min({blocks(blockIndex), input.size() - start, maxBlock});
        for (auto& channel : inputs) {
            std::transform(input.begin() + static_cast<long>(start),
                           input.begin() + static_cast<long>(start + frames), channel.begin(),
                           [](float sample) { return static_cast<Sample>(sample); });
        }
        changes->clear();
        if (changesPlan) {
            changesPlan(start, frames, *changes);
        }
        if (frames > 0) {
            result.blockStarts.push_back(start);
        }
        tresult called = kResultOk;
        if constexpr (std::is_same_v<Sample, double>) {
            called = instance.process64(inputPointers, outputPointers, static_cast<int32>(frames),
                                        changes);
        } else {
            called = instance.process(inputPointers, outputPointers, static_cast<int32>(frames),
                                      changes);
        }
        if (called != kResultOk && result.failedCalls++ == 0) {
            result.firstFailure = called;
            result.firstFailureFrame = start;
        }
        for (std::size_t channel = 0; channel < outputCount; ++channel) {
            result.channels[channel].insert(result.channels[channel].end(),
                                            outputs[channel].begin(),
                                            outputs[channel].begin() + static_cast<long>(frames));
        }
        start += frames;
    }
    return result;
}

}  // namespace

std::vector<float> sine(double sampleRate, double frequency, std::size_t frames, float amplitude) {
    std::vector<float> signal(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        signal[i] = amplitude * static_cast<float>(std::sin(2.0 * std::numbers::pi * frequency *
                                                            static_cast<double>(i) / sampleRate));
    }
    return signal;
}

BlockPlan fixedBlocks(std::size_t frames) {
    return [frames](std::size_t) { return frames; };
}

BlockPlan randomBlocks(std::size_t maxFrames, unsigned seed) {
    auto generator = std::make_shared<std::mt19937>(seed);
    return [generator, maxFrames](std::size_t) {
        return std::uniform_int_distribution<std::size_t>{1, maxFrames}(*generator);
    };
}

RunOutput play(PluginInstance& instance, std::span<const float> input, const BlockPlan& blocks,
               const ChangesPlan& changes) {
    return playAs<float>(instance, input, blocks, changes);
}

RunOutput play64(PluginInstance& instance, std::span<const float> input, const BlockPlan& blocks,
                 const ChangesPlan& changes) {
    return playAs<double>(instance, input, blocks, changes);
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
