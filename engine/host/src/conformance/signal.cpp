#include "signal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>

#include "vstkit/dsp/gain.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/params.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

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
               const ChangesPlan& changesPlan) {
    const auto maxBlock = static_cast<std::size_t>(instance.config().maxBlockFrames);
    std::vector<float> inLeft(maxBlock);
    std::vector<float> inRight(maxBlock);
    std::vector<float> outLeft(maxBlock);
    std::vector<float> outRight(maxBlock);
    std::array<float*, 2> inputs{inLeft.data(), inRight.data()};
    std::array<float*, 2> outputs{outLeft.data(), outRight.data()};
    auto changes = owned(new ParameterChanges);
    RunOutput result;
    result.left.reserve(input.size());
    std::size_t blockIndex = 0;
    for (std::size_t start = 0; start < input.size(); ++blockIndex) {
        const std::size_t frames = std::min({blocks(blockIndex), input.size() - start, maxBlock});
        std::copy_n(input.begin() + static_cast<long>(start), frames, inLeft.begin());
        std::copy_n(input.begin() + static_cast<long>(start), frames, inRight.begin());
        changes->clear();
        if (changesPlan) {
            changesPlan(start, frames, *changes);
        }
        if (instance.process(inputs, outputs, static_cast<int32>(frames), changes) != kResultOk) {
            result.processOk = false;
        }
        result.left.insert(result.left.end(), outLeft.begin(),
                           outLeft.begin() + static_cast<long>(frames));
        if (!std::equal(
                outLeft.begin(), outLeft.begin() + static_cast<long>(frames), outRight.begin(),
                [](float a, float b) { return a == b || (std::isnan(a) && std::isnan(b)); })) {
            result.channelsMatch = false;
        }
        start += frames;
    }
    return result;
}

ChangesPlan setAtStart(Vst::ParamID id, double normalized) {
    return [id, normalized](std::size_t start, std::size_t, ParameterChanges& changes) {
        if (start == 0) {
            changes.add(id, 0, normalized);
        }
    };
}

std::optional<Vst::ParamID> gainParameter(const PluginInstance& instance) {
    const auto info = instance.findParameter(protocol::spec(protocol::ParamId::Gain).name);
    return info ? std::optional{info->id} : std::nullopt;
}

double gainNormalized(float gainDb) {
    return protocol::toNormalized(protocol::spec(protocol::ParamId::Gain), gainDb);
}

double worstGainErrorDb(std::span<const float> input, std::span<const float> output,
                        std::size_t fromFrame, float expectedDb) {
    double worst = 0.0;
    for (std::size_t i = 0; i < output.size(); ++i) {
        if (!std::isfinite(output[i])) {
            return std::numeric_limits<double>::infinity();
        }
        if (i < fromFrame || std::abs(input[i]) < 0.01F) {
            continue;
        }
        const double measured =
            20.0 * std::log10(std::abs(static_cast<double>(output[i]) / input[i]));
        worst = std::max(worst, std::abs(measured - expectedDb));
    }
    return worst;
}

std::size_t rampFrames(double sampleRate) {
    // VstKit's product promise, written here on purpose rather than read from
    // dsp::Processor: a shorter (clickier) ramp in the code must fail.
    constexpr double kPromisedRampSeconds = 0.020;
    return static_cast<std::size_t>(std::lround(kPromisedRampSeconds * sampleRate));
}

double maxGainStepPerSample(double sampleRate) {
    const auto& gain = protocol::spec(protocol::ParamId::Gain);
    const double range = dsp::dbToLinear(gain.maxValue) - dsp::dbToLinear(gain.minValue);
    // One float ulp at the top of the range (gain 16) for the ramp's rounding.
    return range / static_cast<double>(rampFrames(sampleRate)) + 2e-6;
}

std::string formatDouble(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace vstkit::host::conformance
