#include <random>

#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr double kRate = 48000.0;

std::vector<float> renderSine(PluginInstance& instance) {
    const auto input = sine(kRate, 1000.0, 4800);
    return play(instance, input, fixedBlocks(256)).left;
}

std::vector<std::vector<std::uint8_t>> badBlobs(const std::vector<std::uint8_t>& good) {
    std::vector<std::vector<std::uint8_t>> blobs;
    blobs.emplace_back();
    blobs.emplace_back(good.begin(), good.begin() + static_cast<long>(good.size() / 2));
    blobs.emplace_back(good.begin(), good.end() - 1);
    std::mt19937 random{99};
    for (const std::size_t size :
         {std::size_t{7}, std::size_t{64}, std::size_t{4096}, std::size_t{10} << 20}) {
        std::vector<std::uint8_t> noise(size);
        for (auto& byte : noise) {
            byte = static_cast<std::uint8_t>(random());
        }
        blobs.push_back(std::move(noise));
    }
    return blobs;
}

}  // namespace

CheckResult checkState(SuiteContext& context) {
    const auto audioClass = context.module.firstClassOf(kVstAudioEffectClass);
    PluginInstance original{context.module, audioClass, context.host};
    const auto gain = gainParameter(original);
    if (!gain) {
        return CheckResult::fail("no Gain parameter");
    }
    original.start({kRate, 512, 2, Vst::kRealtime});
    const double savedValue = gainNormalized(-7.3F);
    original.setBeforePlayback(std::array{std::pair{*gain, savedValue}});
    const auto componentState = original.saveComponentState();
    const auto controllerState = original.saveControllerState();
    const double originalValue = original.controller().getParamNormalized(*gain);

    PluginInstance restored{context.module, audioClass, context.host};
    if (restored.loadComponentState(componentState) != kResultOk) {
        return CheckResult::fail("the component refused its own saved state");
    }
    restored.loadControllerState(controllerState);
    const double restoredValue = restored.controller().getParamNormalized(*gain);
    if (restoredValue != originalValue || std::abs(originalValue - savedValue) > 1e-6) {
        return CheckResult::fail("saved Gain " + formatDouble(originalValue, 7) + ", restored " +
                                 formatDouble(restoredValue, 7));
    }
    restored.start({kRate, 512, 2, Vst::kRealtime});
    const auto expected = renderSine(original);
    if (renderSine(restored) != expected) {
        return CheckResult::fail("the restored instance renders different audio");
    }

    int refused = 0;
    const auto blobs = badBlobs(componentState);
    for (const auto& blob : blobs) {
        if (restored.loadComponentState(blob) != kResultOk) {
            ++refused;
        }
        if (restored.controller().getParamNormalized(*gain) != originalValue) {
            return CheckResult::fail(
                "a bad blob of " + std::to_string(blob.size()) + " bytes changed Gain to " +
                formatDouble(restored.controller().getParamNormalized(*gain), 6));
        }
        if (renderSine(restored) != expected) {
            return CheckResult::fail("a bad blob of " + std::to_string(blob.size()) +
                                     " bytes changed the audio");
        }
    }
    return CheckResult::pass(
        "Gain -7.3 dB restored exactly (" + std::to_string(componentState.size()) +
        "-byte component state), identical audio; " + std::to_string(blobs.size()) +
        " bad blobs (empty, truncated, random, 10 MB) left values and audio unchanged (" +
        std::to_string(refused) + " refused outright)");
}

}  // namespace vstkit::host::conformance
