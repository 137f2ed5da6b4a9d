// The plugin's own processor, called directly with no format around it: the
// floor that ./vstkit bench divides each format's process() by. Built once
// per plugin by vstkit_add_plugin() in a benchmark build, with plugin.h and
// VSTKIT_BENCH_PLUGIN_TYPE / VSTKIT_BENCH_PLUGIN_NAME defined.
//
// It plays what the formats' runs play: the same 1 kHz sine on the same
// in-place buffers (the first layout's outputs), a row whose stable id is
// "gain" steady at -6, every other row at its default, and no events in the
// timed blocks.
//
// With --meters it also measures the output as the core does while an
// editor shows meters (core::OutputMeters::measure after each block): the
// meters' cost is this run over the plain one.
//
//   vstkit_NAME_bare_bench [--frames N] [--calls N] [--meters] [--json]
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <string_view>
#include <vector>

#include "plugin.h"
#include "vstkit/bench/batch_timing.h"
#include "vstkit/core/output_meters.h"
#include "vstkit/core/plugin_definition.h"

namespace {

using Plugin = VSTKIT_BENCH_PLUGIN_TYPE;
using Processor = Plugin::Processor;

/// The integer after `--name`, within [min, max], or `fallback`; exits with
/// one line on a bad value.
int intOption(int argc, char** argv, std::string_view name, int fallback, int min, int max) {
    for (int i = 1; i < argc; ++i) {
        if (argv[i] != name) {
            continue;
        }
        int value = 0;
        const std::string_view text = i + 1 < argc ? argv[i + 1] : "";
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc{} || end != text.data() + text.size() ||
            value < min || value > max) {
            std::fprintf(stderr, "bare bench: %.*s needs a whole number from %d to %d\n",
                         static_cast<int>(name.size()), name.data(), min, max);
            std::exit(2);
        }
        return value;
    }
    return fallback;
}

bool knownArguments(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--frames" || argument == "--calls") {
            ++i;
        } else if (argument != "--json" && argument != "--meters") {
            std::fprintf(stderr, "bare bench: unknown argument '%s'\n", argv[i]);
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (!knownArguments(argc, argv)) {
        return 2;
    }
    const int frames = intOption(argc, argv, "--frames", 64, 1, 8192);
    const int calls = intOption(argc, argv, "--calls", 50000, 100, 10000000);
    bool json = false;
    bool meters = false;
    for (int i = 1; i < argc; ++i) {
        json = json || std::strcmp(argv[i], "--json") == 0;
        meters = meters || std::strcmp(argv[i], "--meters") == 0;
    }

    static Processor processor;
    processor.prepare(vstkit::bench::kSampleRate, static_cast<std::size_t>(frames));
    // Every row at its default, as the kit's core starts a processor, and the
    // same setting the formats' runs make, as events before playback.
    std::vector<vstkit::dsp::ParameterEvent> settings;
    for (std::uint32_t row = 0; row < Plugin::parameters.size(); ++row) {
        const auto& spec = Plugin::parameters[row];
        settings.push_back({0, row, spec.stableId == "gain" ? -6.0F : spec.defaultValue});
    }
    static_cast<void>(processor.process({}, 0, settings));
    processor.reset();  // Settled at the new values, as the formats start.

    const auto facts = vstkit::core::audioFactsOf<Plugin>();
    const std::size_t channels = facts.layouts.front().outputs;
    std::vector<std::vector<float>> buffers(channels,
                                            std::vector<float>(static_cast<std::size_t>(frames)));
    for (auto& buffer : buffers) {
        for (std::size_t i = 0; i < buffer.size(); ++i) {
            buffer[i] = 0.25F * static_cast<float>(std::sin(2.0 * std::numbers::pi * 1000.0 *
                                                            static_cast<double>(i) /
                                                            vstkit::bench::kSampleRate));
        }
    }
    std::vector<float*> pointers;
    for (auto& buffer : buffers) {
        pointers.push_back(buffer.data());
    }
    const std::span<float* const> audio{pointers};
    static vstkit::core::OutputMeters outputMeters;
    outputMeters.prepare(vstkit::bench::kSampleRate);
    const auto timed = [&](auto&& cycle, const char* what, const char* format) {
        for (int i = 0; i < vstkit::bench::warmUpCycles(calls, 1); ++i) {
            cycle();
        }
        vstkit::bench::measureAndReport(
            cycle,
            {.what = what, .format = format, .frames = frames, .instances = 1, .calls = calls},
            json);
    };
    if (meters) {
        timed(
            [&] {
                static_cast<void>(processor.process(audio, static_cast<std::size_t>(frames), {}));
                outputMeters.measure(audio, static_cast<std::size_t>(frames));
                asm volatile("" : : "r"(pointers.data()) : "memory");
            },
            "meters:" VSTKIT_BENCH_PLUGIN_NAME, "meters");
        return 0;
    }
    timed(
        [&] {
            static_cast<void>(processor.process(audio, static_cast<std::size_t>(frames), {}));
            // Keep the compiler from proving the repeated calls redundant.
            asm volatile("" : : "r"(pointers.data()) : "memory");
        },
        "bare:" VSTKIT_BENCH_PLUGIN_NAME, "bare");
    return 0;
}
