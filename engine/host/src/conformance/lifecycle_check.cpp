#include <cmath>
#include <vector>

#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

CheckResult checkLifecycle(SuiteContext& context) {
    const auto audioClass = context.module.firstClassOf(kVstAudioEffectClass);
    for (int round = 0; round < 3; ++round) {
        PluginInstance instance{context.module, audioClass, context.host};
        instance.start({48000.0, 512, 2, Vst::kRealtime});
    }

    PluginInstance instance{context.module, audioClass, context.host};
    const auto gain = gainParameter(instance);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    struct Setup {
        double rate;
        int32 maxBlock;
        int32 channels;
    };
    int setups = 0;
    for (const Setup setup :
         {Setup{48000.0, 512, 2}, Setup{44100.0, 32, 2}, Setup{96000.0, 4096, 2},
          Setup{22050.0, 1, 2}, Setup{192000.0, 2048, 2}, Setup{48000.0, 256, 1}}) {
        for (int toggle = 0; toggle < 2; ++toggle) {
            instance.start({setup.rate, setup.maxBlock, setup.channels, Vst::kRealtime});
            instance.audioProcessor().setProcessing(false);
            instance.audioProcessor().setProcessing(true);
        }
        if (setup.channels == 2) {
            const auto input =
                sine(setup.rate, 1000.0, static_cast<std::size_t>(setup.maxBlock) * 3);
            const auto output =
                play(instance, input, fixedBlocks(static_cast<std::size_t>(setup.maxBlock)));
            if (!output.processOk || output.left != input) {
                return CheckResult::fail("at " + formatDouble(setup.rate, 0) + " Hz / " +
                                         std::to_string(setup.maxBlock) +
                                         " frames, 0 dB did not pass audio");
            }
        }
        ++setups;
    }
    instance.start({48000.0, 512, 2, Vst::kRealtime});

    const bool supports64 =
        instance.audioProcessor().canProcessSampleSize(Vst::kSample64) == kResultTrue;
    if (instance.audioProcessor().canProcessSampleSize(Vst::kSample32) != kResultTrue) {
        return CheckResult::fail("32-bit processing is not supported");
    }
    std::string sixtyFourBit = "not offered (canProcessSampleSize says no)";
    if (supports64) {
        // 64-bit audio, 3000-frame blocks (more than a plugin might convert
        // at once) with a point at offset 2500: -6 dB from there on.
        constexpr int32 kFrames = 3000;
        instance.start({48000.0, kFrames, 2, Vst::kRealtime, Vst::kSample64});
        std::vector<double> left(kFrames, 0.5);
        std::vector<double> right(kFrames, 0.5);
        std::vector<double> outLeft(kFrames, 0.0);
        std::vector<double> outRight(kFrames, 0.0);
        const std::array<double*, 2> ins{left.data(), right.data()};
        const std::array<double*, 2> outs{outLeft.data(), outRight.data()};
        auto points = owned(new ParameterChanges);
        points->add(*gain, 2500, gainNormalized(-6.0F));
        if (instance.process64(ins, outs, kFrames, points) != kResultOk) {
            return CheckResult::fail("64-bit process() failed");
        }
        if (outLeft[2499] != 0.5 || !(outLeft[2500] < 0.5) || outLeft != outRight) {
            return CheckResult::fail(
                "64-bit audio: a point at offset 2500 of a 3000-frame block "
                "did not take effect exactly there");
        }
        points->clear();
        for (int block = 0; block < 20; ++block) {
            instance.process64(ins, outs, kFrames, points);
        }
        const double levelDb = 20.0 * std::log10(outLeft.back() / 0.5);
        if (std::abs(levelDb + 6.0) > 0.001) {
            return CheckResult::fail("64-bit audio settles at " + formatDouble(levelDb, 4) +
                                     " dB, not -6 dB");
        }
        sixtyFourBit = "processed (3000-frame blocks, a point at offset 2500 exact, -6 dB)";
        instance.start({48000.0, 512, 2, Vst::kRealtime});
    }

    // A 0-frame call carries only parameter changes (a "flush"); the next
    // audio must use them.
    auto changes = owned(new ParameterChanges);
    changes->add(*gain, 0, gainNormalized(-12.0F));
    std::array<float, 1> nothing{};
    std::array<float*, 2> channels{nothing.data(), nothing.data()};
    if (instance.process(channels, channels, 0, changes) != kResultOk) {
        return CheckResult::fail("a 0-frame parameter flush was refused");
    }
    const auto input = sine(48000.0, 1000.0, 9600);
    const auto output = play(instance, input, fixedBlocks(512));
    const double error = worstGainErrorDb(input, output.left, rampFrames(48000.0), -12.0F);
    if (error > 0.01) {
        return CheckResult::fail("after a 0-frame flush to -12 dB the gain is off by " +
                                 formatDouble(error, 3) + " dB");
    }
    return CheckResult::pass(
        "3 create/initialize/terminate cycles; " + std::to_string(setups) +
        " setups (22.05-192 kHz, 1-4096 frames, mono and stereo) with activate and processing "
        "toggles; 64-bit: " +
        sixtyFourBit + "; 0-frame flush applied");
}

}  // namespace vstkit::host::conformance
