// Times process() through the whole VST3 interface, or (bench --bare-dsp)
// dsp::SmoothedGain::process alone on the same buffers in the same loop, so the
// two give the cost of the format layer as a ratio. A reading of
// steady_clock costs about 20 ns, more than a 64-frame gain, so one reading
// covers a batch of calls (at least ~20 us of work) and the figures are per
// call: medians and tails of batch averages.
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

#include "arguments.h"
#include "commands.h"
#include "conformance/signal.h"
#include "json_writer.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "process_memory.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vst3/plugin_instance.h"
#include "vstkit/dsp/smoothed_gain.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kRate = 48000.0;

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
    return values[index];
}

/// Per-call nanoseconds of `cycle`, one figure per batch of `batch` cycles.
template <typename Cycle>
std::vector<double> timeBatches(Cycle&& cycle, int batches, int batch) {
    std::vector<double> nanoseconds;
    nanoseconds.reserve(static_cast<std::size_t>(batches));
    for (int i = 0; i < batches; ++i) {
        const auto start = Clock::now();
        for (int j = 0; j < batch; ++j) {
            cycle();
        }
        const auto end = Clock::now();
        nanoseconds.push_back(std::chrono::duration<double, std::nano>(end - start).count() /
                              batch);
    }
    return nanoseconds;
}

/// Calls per clock reading: enough that the reading is under 1 % of it.
int batchFor(int frames, int instances) {
    const int callsForTwentyMicroseconds = std::max(1, 20000 / std::max(frames / 2, 10));
    return std::max(1, callsForTwentyMicroseconds / instances);
}

void report(const Arguments& parsed, const std::string& what, int frames, int instanceCount,
            int calls, const std::vector<double>& nanoseconds, double bytesPerInstance) {
    const double median = percentile(nanoseconds, 0.5);
    const double p99 = percentile(nanoseconds, 0.99);
    const double budgetNs = static_cast<double>(frames) / kRate * 1e9;
    if (parsed.has("json")) {
        std::printf(
            "{\"bundle\": \"%s\", \"frames\": %d, \"instances\": %d, \"calls\": %d, "
            "\"median_ns\": %.1f, \"p99_ns\": %.1f, \"budget_ns\": %.1f, "
            "\"median_budget_percent\": %.4f, \"bytes_per_instance\": %.0f}\n",
            what.c_str(), frames, instanceCount, calls, median, p99, budgetNs,
            100.0 * median / budgetNs, bytesPerInstance);
    } else {
        std::printf(
            "%s: %d instance(s) x %d frames, %d calls\n  median %.1f ns, p99 %.1f ns per cycle "
            "(%.3f%% of the %.0f us budget)\n  memory %.0f KiB per instance\n",
            what.c_str(), instanceCount, frames, calls, median, p99, 100.0 * median / budgetNs,
            budgetNs / 1000.0, bytesPerInstance / 1024.0);
    }
}

/// dsp::SmoothedGain::process alone, in place, steady at -6 dB: the floor the
/// whole plugin is compared against.
int benchBareDsp(const Arguments& parsed, int frames, int calls) {
    dsp::SmoothedGain processor;
    processor.setTargetGainDb(-6.0F);
    processor.prepare(kRate, static_cast<std::size_t>(frames));
    std::vector<float> left =
        conformance::sine(kRate, 1000.0, static_cast<std::size_t>(frames), 0.25F);
    std::vector<float> right = left;
    std::array<float*, 2> channels{left.data(), right.data()};
    const auto cycle = [&] {
        processor.process(channels, static_cast<std::size_t>(frames));
        // Keep the compiler from proving the repeated calls redundant.
        asm volatile("" : : "r"(left.data()), "r"(right.data()) : "memory");
    };
    const int batch = batchFor(frames, 1);
    for (int i = 0; i < std::max(1000, calls / 10); ++i) {
        cycle();
    }
    report(parsed, "dsp::SmoothedGain", frames, 1, calls, timeBatches(cycle, calls / batch, batch),
           0.0);
    return 0;
}

}  // namespace

int runBench(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"json", "bare-dsp"}, {"frames", "calls", "instances"}};
    const int frames = parsed.value("frames")
                           ? Arguments::parseInt("frames", *parsed.value("frames"), 1, 8192)
                           : 64;
    const int calls = parsed.value("calls")
                          ? Arguments::parseInt("calls", *parsed.value("calls"), 100, 10000000)
                          : 50000;
    const int instanceCount =
        parsed.value("instances")
            ? Arguments::parseInt("instances", *parsed.value("instances"), 1, 10000)
            : 1;
    if (parsed.has("bare-dsp")) {
        if (!parsed.positional().empty()) {
            throw HostError("bench --bare-dsp takes no bundle");
        }
        return benchBareDsp(parsed, frames, calls);
    }
    const Module module{parsed.onlyPositional("bundle")};

    auto host = owned(new HostApplication);
    const auto audioClass = module.firstClassOf(kVstAudioEffectClass);
    const long residentBefore = residentBytes();
    std::vector<std::unique_ptr<PluginInstance>> instances;
    for (int i = 0; i < instanceCount; ++i) {
        auto instance = std::make_unique<PluginInstance>(module, audioClass, *host);
        instance->start({kRate, frames});
        // Steady at -6 dB where the plugin has a Gain that takes "-6" (VstKit
        // does); any other plugin plays at its defaults.
        if (const auto gain = instance->findParameter("gain")) {
            if (const auto normalized = instance->normalizedFromText(gain->id, "-6")) {
                instance->setBeforePlayback(std::array{std::pair{gain->id, *normalized}});
            }
        }
        instances.push_back(std::move(instance));
    }

    // In place on the main buses, whatever their width.
    const auto& layout = instances.front()->busLayout();
    std::vector<std::vector<float>> buffers(
        static_cast<std::size_t>(std::max(layout.mainInputs(), layout.mainOutputs())),
        conformance::sine(kRate, 1000.0, static_cast<std::size_t>(frames), 0.25F));
    std::vector<float*> channels;
    for (auto& buffer : buffers) {
        channels.push_back(buffer.data());
    }
    const std::span<float* const> inputs{channels.data(),
                                         static_cast<std::size_t>(layout.mainInputs())};
    const std::span<float* const> outputs{channels.data(),
                                          static_cast<std::size_t>(layout.mainOutputs())};
    const auto cycle = [&] {
        for (auto& instance : instances) {
            instance->process(inputs, outputs, frames, nullptr);
        }
    };
    const int warmUp = std::max(1000, calls / 10) / instanceCount + 10;
    for (int i = 0; i < warmUp; ++i) {
        cycle();
    }
    const long residentAfter = residentBytes();

    const double bytesPerInstance =
        static_cast<double>(residentAfter - residentBefore) / instanceCount;
    const int batch = batchFor(frames, instanceCount);
    report(parsed, module.bundlePath().string(), frames, instanceCount, calls,
           timeBatches(cycle, std::max(calls / batch, 10), batch), bytesPerInstance);
    return 0;
}

}  // namespace vstkit::host
