#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

CheckResult checkAudio(SuiteContext& context) {
    PluginInstance instance{context.module, context.module.firstClassOf(kVstAudioEffectClass),
                            context.host};
    const auto gain = gainParameter(instance);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    constexpr float kGainDb = -6.0F;
    constexpr double kToleranceDb = 0.01;
    double worstError = 0.0;
    int runs = 0;
    for (const double rate : {44100.0, 48000.0, 96000.0}) {
        instance.start({rate, 4096, 2, Vst::kRealtime});
        const auto input = sine(rate, 1000.0, static_cast<std::size_t>(rate * 0.25));
        // Past the ramp, with a margin of a few blocks for hosts that apply changes late.
        const std::size_t settled = rampFrames(rate) + static_cast<std::size_t>(rate * 0.01);
        const std::vector<std::pair<std::string, BlockPlan>> plans{
            {"1", fixedBlocks(1)},       {"17", fixedBlocks(17)},
            {"64", fixedBlocks(64)},     {"512", fixedBlocks(512)},
            {"4096", fixedBlocks(4096)}, {"random", randomBlocks(4096, 7)}};
        for (const auto& [name, plan] : plans) {
            const std::string where = "at " + formatDouble(rate, 0) + " Hz, blocks of " + name;
            const auto reduced =
                play(instance, input, plan, setAtStart(*gain, gainNormalized(kGainDb)));
            if (!reduced.processOk || !reduced.channelsMatch) {
                return CheckResult::fail(where + ": process failed or channels differ");
            }
            const double error = worstGainErrorDb(input, reduced.left, settled, kGainDb);
            worstError = std::max(worstError, error);
            if (error > kToleranceDb) {
                return CheckResult::fail(where + ": -6 dB is off by " + formatDouble(error, 4) +
                                         " dB");
            }
            const auto unity = play(instance, input, plan, setAtStart(*gain, gainNormalized(0.0F)));
            if (!std::equal(input.begin() + static_cast<long>(settled), input.end(),
                            unity.left.begin() + static_cast<long>(settled))) {
                return CheckResult::fail(where + ": 0 dB does not pass audio unchanged");
            }
            ++runs;
        }
    }
    return CheckResult::pass(std::to_string(runs) +
                             " runs (44.1/48/96 kHz x blocks 1/17/64/512/4096/random): -6 dB "
                             "within " +
                             formatDouble(worstError, 5) + " dB, 0 dB bit-exact");
}

}  // namespace vstkit::host::conformance
