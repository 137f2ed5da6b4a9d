#include <cmath>
#include <random>

#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"
#include "vstkit/dsp/gain.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

CheckResult checkAutomation(SuiteContext& context) {
    constexpr double kRate = 48000.0;
    constexpr std::size_t kBlock = 64;
    constexpr float kLevel = 0.5F;
    PluginInstance instance{context.module, context.module.firstClassOf(kVstAudioEffectClass),
                            context.host};
    const auto gain = gainParameter(instance);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    instance.start({kRate, static_cast<int32>(kBlock), 2, Vst::kRealtime});

    // A DC input makes the output the gain itself, sample by sample. Four
    // points per block jump anywhere in the range for 0.5 s, then one point
    // at -12 dB is held for about 0.25 s; then one block has a single point
    // (+6 dB) at offset 37, which must change sample 37 of that block and
    // leave samples 0-36 alone.
    const std::size_t jumpingFrames = static_cast<std::size_t>(kRate * 0.5);
    const std::size_t stepBlockStart = jumpingFrames + 188 * kBlock;
    constexpr std::size_t kStepOffset = 37;
    const std::vector<float> input(stepBlockStart + 2 * kBlock, kLevel);
    std::mt19937 random{42};
    std::uniform_real_distribution<double> anywhere{0.0, 1.0};
    const auto plan = [&](std::size_t start, std::size_t frames, ParameterChanges& changes) {
        if (start < jumpingFrames) {
            for (std::size_t offset = 0; offset < frames; offset += 16) {
                changes.add(*gain, static_cast<int32>(offset), anywhere(random));
            }
        } else if (start == jumpingFrames) {
            changes.add(*gain, 0, gainNormalized(-12.0F));
        } else if (start == stepBlockStart) {
            changes.add(*gain, static_cast<int32>(kStepOffset), gainNormalized(6.0F));
        }
    };
    const auto output = play(instance, input, fixedBlocks(kBlock), plan);
    if (!output.processOk || !output.channelsMatch) {
        return CheckResult::fail("process failed or channels differ");
    }

    const double bound = maxGainStepPerSample(kRate);
    double largestStep = 0.0;
    double lowest = 1e9;
    double highest = 0.0;
    for (std::size_t i = 1; i < output.left.size(); ++i) {
        const double previous = output.left[i - 1] / kLevel;
        const double current = output.left[i] / kLevel;
        largestStep = std::max(largestStep, std::abs(current - previous));
        if (i < jumpingFrames) {
            lowest = std::min(lowest, current);
            highest = std::max(highest, current);
        }
    }
    if (!(largestStep <= bound)) {
        return CheckResult::fail("a sample-to-sample gain step of " + formatDouble(largestStep, 6) +
                                 " exceeds the smoothing bound " + formatDouble(bound, 6));
    }
    if (highest / lowest < 2.0) {
        return CheckResult::fail("the output did not follow the automation (gain stayed within " +
                                 formatDouble(lowest, 3) + ".." + formatDouble(highest, 3) + ")");
    }
    const double finalDb = 20.0 * std::log10(output.left[stepBlockStart - 1] / kLevel);
    if (std::abs(finalDb + 12.0) > 0.01) {
        return CheckResult::fail("after the last point the gain is " + formatDouble(finalDb, 3) +
                                 " dB, not -12 dB");
    }
    const float held = output.left[stepBlockStart - 1];
    for (std::size_t i = 0; i < kStepOffset; ++i) {
        if (output.left[stepBlockStart + i] != held) {
            return CheckResult::fail("a point at offset 37 changed sample " + std::to_string(i) +
                                     " of its block: automation is not sample-accurate");
        }
    }
    if (!(output.left[stepBlockStart + kStepOffset] > held)) {
        return CheckResult::fail("a point at offset 37 did not change sample 37 of its block");
    }
    return CheckResult::pass("4 points per 64-frame block for 0.5 s: gain moved " +
                             formatDouble(lowest, 3) + ".." + formatDouble(highest, 3) +
                             ", largest step " + formatDouble(largestStep, 5) + " <= bound " +
                             formatDouble(bound, 5) + "; settles at " + formatDouble(finalDb, 3) +
                             " dB; a point at offset 37 changes sample 37 on, not before");
}

}  // namespace vstkit::host::conformance
