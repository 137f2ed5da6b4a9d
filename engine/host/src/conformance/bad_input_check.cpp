#include <cmath>
#include <limits>

#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

CheckResult checkBadInput(SuiteContext& context) {
    constexpr double kRate = 48000.0;
    PluginInstance instance{context.module, context.module.firstClassOf(kVstAudioEffectClass),
                            context.host};
    const auto gain = gainParameter(instance);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    instance.start({kRate, 256, 2, Vst::kRealtime});
    instance.setBeforePlayback(std::array{std::pair{*gain, gainNormalized(-3.0F)}});

    const std::vector<std::pair<std::string, float>> poisons{
        {"NaN", std::numeric_limits<float>::quiet_NaN()},
        {"+Inf", std::numeric_limits<float>::infinity()},
        {"-Inf", -std::numeric_limits<float>::infinity()},
        {"denormals", std::numeric_limits<float>::denorm_min() * 100.0F},
        {"huge", 1e30F}};
    const auto clean = sine(kRate, 1000.0, 4800);
    for (const auto& [name, value] : poisons) {
        const std::vector<float> poisoned(256, value);
        (void)play(instance, poisoned, fixedBlocks(256));
        const auto after = play(instance, clean, fixedBlocks(256));
        // The next clean block must already be finite and at the right gain.
        const double error = worstGainErrorDb(clean, after.left, 0, -3.0F);
        if (!std::isfinite(error)) {
            return CheckResult::fail("after " + name + " input the output is not finite");
        }
        if (error > 0.01) {
            return CheckResult::fail("after " + name + " input the gain is off by " +
                                     formatDouble(error, 3) + " dB");
        }
    }
    return CheckResult::pass(
        "NaN, +Inf, -Inf, denormal and 1e30 blocks: the next clean block is finite and at -3 dB");
}

}  // namespace vstkit::host::conformance
