#include "output_bounds.h"

#include <algorithm>
#include <cmath>

#include "number_text.h"
#include "vst3/result_text.h"

namespace vstkit::host::conformance {

namespace {

/// "sample 1234 (channel 0, in a 17-frame block)".
std::string sampleText(const RunOutput& output, std::size_t channel, std::size_t frame) {
    std::string text =
        "output sample " + std::to_string(frame) + " (channel " + std::to_string(channel);
    const auto& starts = output.blockStarts;
    const auto next = std::upper_bound(starts.begin(), starts.end(), frame);
    if (next != starts.begin()) {
        const std::size_t start = *(next - 1);
        const std::size_t end = next == starts.end() ? output.channels[channel].size() : *next;
        text += ", in a " + std::to_string(end - start) + "-frame block";
    }
    return text + ")";
}

}  // namespace

std::optional<std::string> outputFault(const RunOutput& output) {
    if (output.failedCalls > 0) {
        return "process() returned " + host::resultText(output.firstFailure) + " at frame " +
               std::to_string(output.firstFailureFrame) + " (" +
               std::to_string(output.failedCalls) + " failed calls)";
    }
    for (std::size_t channel = 0; channel < output.channels.size(); ++channel) {
        const auto& samples = output.channels[channel];
        for (std::size_t frame = 0; frame < samples.size(); ++frame) {
            const double sample = samples[frame];
            if (std::isfinite(sample) && std::abs(sample) <= kMaxOutputPeak) {
                continue;
            }
            const std::string where = sampleText(output, channel, frame);
            if (std::isnan(sample)) {
                return where + " is NaN";
            }
            if (std::isinf(sample)) {
                return where + " is " + (sample > 0 ? "+Inf" : "-Inf");
            }
            if (std::abs(sample) > kMaxOutputPeak) {
                return where + " is " + formatDbfs(sample) + ", above the " +
                       formatDbfs(kMaxOutputPeak) + " bound for a -6 dBFS input";
            }
        }
    }
    return std::nullopt;
}

double peakOf(const RunOutput& output) {
    double peak = 0.0;
    for (const auto& channel : output.channels) {
        for (const double sample : channel) {
            if (std::isfinite(sample)) {
                peak = std::max(peak, std::abs(sample));
            }
        }
    }
    return peak;
}

}  // namespace vstkit::host::conformance
