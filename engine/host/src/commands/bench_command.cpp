// Times process() through the whole VST3 interface. Each call is timed on
// its own (steady_clock, about 20 ns of overhead per reading, the same for
// every plugin measured), so medians and tails are real per-call figures.
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
#include "vst3/plugin_instance.h"

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

}  // namespace

int runBench(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"json"}, {"frames", "calls", "instances"}};
    const Module module{parsed.onlyPositional("bundle")};
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

    auto host = owned(new HostApplication);
    const auto audioClass = module.firstClassOf(kVstAudioEffectClass);
    const long residentBefore = residentBytes();
    std::vector<std::unique_ptr<PluginInstance>> instances;
    for (int i = 0; i < instanceCount; ++i) {
        auto instance = std::make_unique<PluginInstance>(module, audioClass, *host);
        instance->start({kRate, frames, 2, Vst::kRealtime});
        if (const auto gain = conformance::gainParameter(*instance)) {
            instance->setBeforePlayback(
                std::array{std::pair{*gain, conformance::gainNormalized(-6.0F)}});
        } else if (const auto anyGain = instance->findParameter("gain")) {
            const auto normalized = instance->normalizedFromText(anyGain->id, "-6");
            instance->setBeforePlayback(
                std::array{std::pair{anyGain->id, normalized.value_or(0.5)}});
        }
        instances.push_back(std::move(instance));
    }

    std::vector<float> left =
        conformance::sine(kRate, 1000.0, static_cast<std::size_t>(frames), 0.25F);
    std::vector<float> right = left;
    std::array<float*, 2> channels{left.data(), right.data()};
    const auto cycle = [&] {
        for (auto& instance : instances) {
            instance->process(channels, channels, frames, nullptr);
        }
    };
    const int warmUp = std::max(1000, calls / 10) / instanceCount + 10;
    for (int i = 0; i < warmUp; ++i) {
        cycle();
    }
    const long residentAfter = residentBytes();

    std::vector<double> nanoseconds;
    nanoseconds.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
        const auto start = Clock::now();
        cycle();
        const auto end = Clock::now();
        nanoseconds.push_back(std::chrono::duration<double, std::nano>(end - start).count());
    }
    const double median = percentile(nanoseconds, 0.5);
    const double p99 = percentile(nanoseconds, 0.99);
    const double budgetNs = static_cast<double>(frames) / kRate * 1e9;
    const double bytesPerInstance =
        static_cast<double>(residentAfter - residentBefore) / instanceCount;

    if (parsed.has("json")) {
        std::printf(
            "{\"bundle\": \"%s\", \"frames\": %d, \"instances\": %d, \"calls\": %d, \"median_ns\": "
            "%.1f, "
            "\"p99_ns\": %.1f, \"budget_ns\": %.1f, \"median_budget_percent\": %.4f, "
            "\"bytes_per_instance\": %.0f}\n",
            module.bundlePath().c_str(), frames, instanceCount, calls, median, p99, budgetNs,
            100.0 * median / budgetNs, bytesPerInstance);
    } else {
        std::printf(
            "%s: %d instance(s) x %d frames, %d timed cycles\n  median %.0f ns, p99 %.0f ns per "
            "cycle "
            "(%.3f%% of the %.0f us budget)\n  memory %.0f KiB per instance\n",
            module.bundlePath().filename().c_str(), instanceCount, frames, calls, median, p99,
            100.0 * median / budgetNs, budgetNs / 1000.0, bytesPerInstance / 1024.0);
    }
    return 0;
}

}  // namespace vstkit::host
