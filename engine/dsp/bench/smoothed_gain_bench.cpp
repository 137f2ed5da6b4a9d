// SmoothedGain::process against the loop a gain cannot beat: out = in * g.
// Both run on the same stereo buffers in the same binary, so their ratio is
// what the README reports.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <vector>

#include "vstkit/dsp/smoothed_gain.h"

namespace {

constexpr double kSampleRate = 48000.0;

struct StereoBuffer {
    explicit StereoBuffer(std::size_t frames) : left(frames), right(frames) {
        for (std::size_t i = 0; i < frames; ++i) {
            left[i] = 0.5F * std::sin(0.01F * static_cast<float>(i));
            right[i] = 0.5F * std::cos(0.01F * static_cast<float>(i));
        }
        pointers = {left.data(), right.data()};
    }
    std::vector<float> left;
    std::vector<float> right;
    std::array<float*, 2> pointers{};
};

void rawGainLoop(benchmark::State& state) {
    const auto frames = static_cast<std::size_t>(state.range(0));
    StereoBuffer buffer{frames};
    // The gain alternates so values neither blow up nor vanish.
    float gain = 0.5011872F;
    for (auto _ : state) {
        for (float* channel : buffer.pointers) {
            float* __restrict samples = channel;
            for (std::size_t i = 0; i < frames; ++i) {
                samples[i] = samples[i] * gain;
            }
        }
        gain = 1.0F / gain;
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(frames));
}

void processorSteady(benchmark::State& state) {
    const auto frames = static_cast<std::size_t>(state.range(0));
    StereoBuffer buffer{frames};
    vstkit::dsp::SmoothedGain processor;
    processor.setTargetGainDb(-6.0F);
    processor.prepare(kSampleRate, frames);
    for (auto _ : state) {
        processor.process(buffer.pointers, frames);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(frames));
}

void processorSmoothing(benchmark::State& state) {
    const auto frames = static_cast<std::size_t>(state.range(0));
    StereoBuffer buffer{frames};
    vstkit::dsp::SmoothedGain processor;
    processor.prepare(kSampleRate, frames);
    bool up = false;
    for (auto _ : state) {
        // A new target every block keeps the ramp running for every sample.
        processor.setTargetGainDb(up ? 6.0F : -6.0F);
        up = !up;
        processor.process(buffer.pointers, frames);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(frames));
}

}  // namespace

BENCHMARK(rawGainLoop)->Arg(64)->Arg(512)->Arg(4096);
BENCHMARK(processorSteady)->Arg(64)->Arg(512)->Arg(4096);
BENCHMARK(processorSmoothing)->Arg(64)->Arg(512)->Arg(4096);

BENCHMARK_MAIN();
