#pragma once

// The one timing loop every `./vstkit bench` figure comes from, so a ratio
// between two of them compares like with like. A reading of steady_clock
// costs about 20 ns, more than a 64-frame gain, so one reading covers a batch
// of cycles (at least ~20 us of work) and the figures are per cycle: medians
// and tails of batch averages.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

namespace vstkit::bench {

/// The sample rate every bench runs at; the budget of a block is its frames
/// at this rate.
inline constexpr double kSampleRate = 48000.0;

/// The value at `fraction` (0..1) of values sorted in ascending order.
[[nodiscard]] inline double percentileOfSorted(const std::vector<double>& sorted,
                                               double fraction) noexcept {
    if (sorted.empty()) {
        return 0.0;
    }
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

/// Per-cycle nanoseconds of `cycle`, one figure per batch of `batch` cycles.
template <typename Cycle>
[[nodiscard]] std::vector<double> timeBatches(Cycle&& cycle, int batches, int batch) {
    using Clock = std::chrono::steady_clock;
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

/// Cycles per clock reading: enough that the reading is under 1 % of them.
[[nodiscard]] inline int batchFor(int frames, int instances) {
    const int callsForTwentyMicroseconds = std::max(1, 20000 / std::max(frames / 2, 10));
    return std::max(1, callsForTwentyMicroseconds / std::max(instances, 1));
}

/// What one bench run measured.
struct Figures {
    std::string_view what;    // A bundle's path, or "bare:NAME".
    std::string_view format;  // "bare", "vst3", "lv2" or "clap".
    int frames = 0;
    int instances = 1;
    int calls = 0;
    double bytesPerInstance = 0.0;
};

/// Warms `cycle` up, times `calls` cycles in batches and prints one line:
/// JSON (what ./vstkit bench collects) or text.
template <typename Cycle>
void measureAndReport(Cycle&& cycle, const Figures& figures, bool json) {
    const int batch = batchFor(figures.frames, figures.instances);
    std::vector<double> nanoseconds =
        timeBatches(cycle, std::max(figures.calls / batch, 10), batch);
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const double median = percentileOfSorted(nanoseconds, 0.5);
    const double p99 = percentileOfSorted(nanoseconds, 0.99);
    const double budgetNs = static_cast<double>(figures.frames) / kSampleRate * 1e9;
    if (json) {
        std::printf(
            "{\"bundle\": \"%.*s\", \"format\": \"%.*s\", \"frames\": %d, \"instances\": %d, "
            "\"calls\": %d, \"median_ns\": %.2f, \"p99_ns\": %.2f, \"budget_ns\": %.1f, "
            "\"median_budget_percent\": %.4f, \"bytes_per_instance\": %.0f}\n",
            static_cast<int>(figures.what.size()), figures.what.data(),
            static_cast<int>(figures.format.size()), figures.format.data(), figures.frames,
            figures.instances, figures.calls, median, p99, budgetNs, 100.0 * median / budgetNs,
            figures.bytesPerInstance);
    } else {
        std::printf(
            "%.*s (%.*s): %d instance(s) x %d frames, %d calls\n  median %.1f ns, p99 %.1f ns "
            "per cycle (%.3f%% of the %.0f us budget)\n  memory %.1f KiB per instance\n",
            static_cast<int>(figures.what.size()), figures.what.data(),
            static_cast<int>(figures.format.size()), figures.format.data(), figures.instances,
            figures.frames, figures.calls, median, p99, 100.0 * median / budgetNs,
            budgetNs / 1000.0, figures.bytesPerInstance / 1024.0);
    }
    std::fflush(stdout);
}

/// Cycles to run before timing: caches and branch predictors warm, ramps done.
[[nodiscard]] inline int warmUpCycles(int calls, int instances) {
    return std::max(1000, calls / 10) / std::max(instances, 1) + 10;
}

}  // namespace vstkit::bench
