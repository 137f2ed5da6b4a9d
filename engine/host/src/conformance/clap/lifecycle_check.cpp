#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_signal.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"

namespace vstkit::host::conformance {

namespace {

struct Setup {
    double sampleRate;
    std::uint32_t minFrames;
    std::uint32_t maxFrames;
};

std::string setupText(const Setup& setup) {
    return formatDouble(setup.sampleRate / 1000.0, 2) + " kHz, " + std::to_string(setup.minFrames) +
           "-" + std::to_string(setup.maxFrames) + " frames";
}

/// Activates with the setup, starts and plays three full blocks (or 0.1 s,
/// if more); a refusal or bad output is a fault. The output when it played.
std::optional<RunOutput> activateAndPlay(ClapInstance& instance, const Setup& setup,
                                         FaultList& faults) {
    const std::string where = "at " + setupText(setup);
    reportStep("activating " + where);
    if (!instance.activate(setup.sampleRate, setup.minFrames, setup.maxFrames)) {
        faults.add(where + ": activate() refused");
        return std::nullopt;
    }
    if (!instance.startProcessing()) {
        faults.add(where + ": start_processing() refused");
        return std::nullopt;
    }
    // Whole blocks only: a fixed-size activation (min = max) takes no shorter one.
    const std::size_t block = setup.maxFrames;
    const std::size_t wanted = std::max(block * 3, static_cast<std::size_t>(setup.sampleRate / 10));
    const std::size_t frames = (wanted + block - 1) / block * block;
    reportStep("playing " + where);
    auto run =
        playClap(instance, sine(setup.sampleRate, 997.0, frames), fixedBlocks(setup.maxFrames));
    if (const auto fault = runFault(run)) {
        faults.add(where + ": " + *fault);
        return std::nullopt;
    }
    if (const auto* latency = instance.extensions().latency) {
        // Above ten seconds is a number no host can compensate.
        const std::uint32_t latencyFrames = latency->get(&instance.plugin());
        if (static_cast<double>(latencyFrames) > setup.sampleRate * 10.0) {
            faults.add(where + ": latency get() says " + std::to_string(latencyFrames) + " frames");
        }
    }
    return std::move(run.output);
}

}  // namespace

CheckResult checkClapLifecycle(ClapSuiteContext& context) {
    FaultList faults;
    // Hosts scan plugins by creating and dropping them; some drop them
    // active and processing, leaving the rest to destroy().
    for (int round = 0; round < 3; ++round) {
        reportStep("creating and destroying (round " + std::to_string(round + 1) + ")");
        { const ClapInstance scanned{context.module, context.pluginId}; }
        ClapInstance played{context.module, context.pluginId};
        (void)activateAndPlay(played, {48000.0, 1, 512}, faults);
    }

    ClapInstance instance{context.module, context.pluginId};
    // The whole order, repeated: activate, start, process, stop, deactivate.
    for (int round = 0; round < 3; ++round) {
        (void)activateAndPlay(instance, {48000.0, 1, 512}, faults);
        instance.stopProcessing();
        instance.deactivate();
    }
    reportStep("activating and deactivating without processing");
    for (int round = 0; round < 3; ++round) {
        if (!instance.activate(48000.0, 1, 512)) {
            faults.add("activate() refused on re-activation " + std::to_string(round + 1));
        }
        instance.deactivate();
    }
    // Re-activation with another rate and block size, as when a user
    // changes the audio device; activate() deactivates first.
    const std::vector<Setup> setups{{44100.0, 1, 32},    {96000.0, 1, 4096}, {48000.0, 1, 1},
                                    {48000.0, 256, 256}, {22050.0, 1, 2048}, {192000.0, 1, 512},
                                    {48000.0, 1, 512}};
    for (const auto& setup : setups) {
        (void)activateAndPlay(instance, setup, faults);
    }
    // Processing stopped and started while active, as on transport stop/start.
    reportStep("toggling start/stop_processing while active");
    for (int toggle = 0; toggle < 4; ++toggle) {
        instance.stopProcessing();
        if (!instance.startProcessing()) {
            faults.add("start_processing() refused after stop_processing() (toggle " +
                       std::to_string(toggle + 1) + ")");
        }
    }
    const auto afterToggles = playClap(instance, sine(48000.0, 997.0, 4096), fixedBlocks(512));
    if (const auto fault = runFault(afterToggles)) {
        faults.add("after start/stop_processing toggles: " + *fault);
    }

    // 0-frame blocks between real ones (a host flushing events with no audio).
    reportStep("playing 0-frame blocks");
    const auto withEmptyBlocks = playClap(
        instance, sine(48000.0, 997.0, 4096),
        [](std::size_t block) { return block % 2 == 0 ? std::size_t{0} : std::size_t{256}; });
    if (const auto fault = runFault(withEmptyBlocks)) {
        faults.add("with 0-frame blocks between 256-frame ones: " + *fault);
    }

    // reset() must clear what the past left: after it, the same input gives
    // what a fresh activation gives (for a plugin that renders alike twice).
    reportStep("resetting");
    const auto input = sine(48000.0, 997.0, 8192);
    const auto fresh = activateAndPlay(instance, {48000.0, 1, 512}, faults);
    const auto freshAgain = activateAndPlay(instance, {48000.0, 1, 512}, faults);
    (void)playClap(instance, sine(48000.0, 331.0, 8192), fixedBlocks(512));
    instance.reset();
    const auto afterReset = playClap(instance, input, fixedBlocks(512));
    std::string reset = "reset() not compared (renders differ run to run)";
    if (const auto fault = runFault(afterReset)) {
        faults.add("after reset(): " + *fault);
    } else if (fresh && freshAgain && !firstDifference(*fresh, *freshAgain)) {
        if (const auto frame = firstDifference(*fresh, afterReset.output)) {
            faults.add("after reset() the output differs from a fresh activation's at frame " +
                       std::to_string(*frame) + ": reset() leaves the past in the state");
        } else {
            reset = "reset() renders as a fresh activation";
        }
    }
    instance.deactivate();
    return faults.verdict(context.outputDirectory, "lifecycle",
                          "3 create/destroy rounds; activate/start/process/stop/deactivate "
                          "repeated; " +
                              std::to_string(setups.size()) +
                              " re-activations (22-192 kHz, 1-4096 frames, fixed 256); "
                              "processing toggles; 0-frame blocks; " +
                              reset + "; ports " + instance.ports().text());
}

}  // namespace vstkit::host::conformance
