#include <cmath>
#include <vector>

#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "output_bounds.h"
#include "signal.h"
#include "vst3/host_error.h"
#include "vst3/plugin_instance.h"
#include "vst3/result_text.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

std::string setupText(const ProcessConfig& config) {
    return formatDouble(config.sampleRate / 1000.0, 2) + " kHz, max " +
           std::to_string(config.maxBlockFrames) + " frames" +
           (config.processMode == Vst::kOffline ? ", offline" : "") +
           (config.sampleSize == Vst::kSample64 ? ", 64-bit" : "");
}

/// Starts with the config and plays three full blocks (or 0.1 s, if more);
/// a refusal or bad output is a fault. Returns the output when it played.
std::optional<RunOutput> startAndPlay(PluginInstance& instance, const ProcessConfig& config,
                                      FaultList& faults) {
    const std::string where = "at " + setupText(config);
    reportStep("starting " + where);
    try {
        instance.start(config);
    } catch (const HostError& error) {
        faults.add(where + ": " + error.what());
        return std::nullopt;
    }
    const auto frames = std::max<std::size_t>(static_cast<std::size_t>(config.maxBlockFrames) * 3,
                                              static_cast<std::size_t>(config.sampleRate / 10));
    const auto input = sine(config.sampleRate, 997.0, frames);
    const auto blocks = fixedBlocks(static_cast<std::size_t>(config.maxBlockFrames));
    reportStep("playing " + where);
    RunOutput output = config.sampleSize == Vst::kSample64 ? play64(instance, input, blocks)
                                                           : play(instance, input, blocks);
    if (const auto fault = outputFault(output)) {
        faults.add(where + ": " + *fault);
        return std::nullopt;
    }
    // Latency above ten seconds is a number no host can compensate.
    const uint32 latency = instance.audioProcessor().getLatencySamples();
    if (static_cast<double>(latency) > config.sampleRate * 10.0) {
        faults.add(where + ": getLatencySamples() says " + std::to_string(latency) + " frames");
    }
    return output;
}

double rms(const RunOutput& output) {
    double sum = 0.0;
    std::size_t count = 0;
    for (const auto& channel : output.channels) {
        for (const double sample : channel) {
            sum += sample * sample;
            ++count;
        }
    }
    return count == 0 ? 0.0 : std::sqrt(sum / static_cast<double>(count));
}

/// Mono and stereo on the main buses: refusing is allowed, but an accepted
/// arrangement must be the one the plugin then reports, and must play.
std::string checkArrangements(PluginInstance& instance, FaultList& faults) {
    std::string accepted;
    for (const int32 channels : {1, 2}) {
        const std::string name = channels == 1 ? "mono" : "stereo";
        reportStep("asking for " + name + " buses");
        instance.stop();
        if (!instance.requestMainChannels(channels)) {
            continue;
        }
        accepted += (accepted.empty() ? "" : ", ") + name;
        const BusLayout layout = instance.readBusLayout();
        const bool hasInput = !layout.inputChannels.empty();
        if ((hasInput && layout.mainInputs() != channels) || layout.mainOutputs() != channels) {
            faults.add("setBusArrangements accepts " + name + " but the plugin then reports " +
                       layout.text());
            continue;
        }
        (void)startAndPlay(instance, {48000.0, 512, 0}, faults);
    }
    return accepted.empty() ? "neither mono nor stereo accepted" : "accepts " + accepted;
}

}  // namespace

CheckResult checkLifecycle(SuiteContext& context) {
    FaultList faults;
    // Hosts scan plugins by creating and dropping them, started or not.
    for (int round = 0; round < 3; ++round) {
        reportStep("creating, initializing and terminating (round " + std::to_string(round + 1) +
                   ")");
        { PluginInstance scanned{context.module, context.audioClass, context.host}; }
        PluginInstance played{context.module, context.audioClass, context.host};
        (void)startAndPlay(played, {48000.0, 512}, faults);
    }

    PluginInstance instance{context.module, context.audioClass, context.host};
    auto& processor = instance.audioProcessor();
    if (processor.canProcessSampleSize(Vst::kSample32) != kResultTrue) {
        faults.add("canProcessSampleSize(kSample32) says no: every host plays 32-bit");
    }
    // Re-activation with another rate and block size, as when a user changes
    // the audio device; each start() runs setActive(false) first.
    const std::vector<ProcessConfig> setups{{48000.0, 512},
                                            {44100.0, 32},
                                            {96000.0, 4096},
                                            {22050.0, 1},
                                            {192000.0, 2048},
                                            {8000.0, 64},
                                            {48000.0, 1024, 0, Vst::kOffline},
                                            {48000.0, 512}};
    for (const auto& setup : setups) {
        (void)startAndPlay(instance, setup, faults);
    }
    // Processing toggled while active, as on transport stop and start.
    reportStep("toggling setProcessing while active");
    for (int toggle = 0; toggle < 4; ++toggle) {
        processor.setProcessing(false);
        processor.setProcessing(true);
    }
    const auto afterToggles = play(instance, sine(48000.0, 997.0, 4096), fixedBlocks(512));
    if (const auto fault = outputFault(afterToggles)) {
        faults.add("after setProcessing(false/true) toggles: " + *fault);
    }
    // setActive without setProcessing, as hosts that never call the latter.
    reportStep("setActive(false/true) without setProcessing");
    instance.stop();
    for (int toggle = 0; toggle < 3; ++toggle) {
        if (instance.component().setActive(true) != kResultOk) {
            faults.add("setActive(true) fails on re-activation " + std::to_string(toggle + 1));
        }
        instance.component().setActive(false);
    }
    const std::string arrangements = checkArrangements(instance, faults);

    std::string sixtyFour = "64-bit not offered";
    if (processor.canProcessSampleSize(Vst::kSample64) == kResultTrue) {
        const auto as32 = startAndPlay(instance, {48000.0, 512}, faults);
        const auto as64 =
            startAndPlay(instance, {48000.0, 512, 0, Vst::kRealtime, Vst::kSample64}, faults);
        sixtyFour = "64-bit processed";
        // The same settings must sound alike in both sample sizes: within
        // 20 dB allows any algorithm, but not a silent or broken 64-bit path.
        if (as32 && as64 && rms(*as32) > 1e-4 &&
            std::abs(20.0 * std::log10((rms(*as64) + 1e-12) / rms(*as32))) > 20.0) {
            faults.add("64-bit output is " + formatDbfs(rms(*as64)) + " RMS, 32-bit " +
                       formatDbfs(rms(*as32)) + " RMS, for the same input and settings");
        }
    }
    instance.stop();
    return faults.verdict(
        context, "lifecycle",
        "3 create/terminate cycles; " + std::to_string(setups.size()) +
            " setups (8-192 kHz, 1-4096 frames, realtime and offline); processing and "
            "activation toggles; bus arrangements: " +
            arrangements + "; " + sixtyFour + "; layout " + instance.busLayout().text());
}

}  // namespace vstkit::host::conformance
