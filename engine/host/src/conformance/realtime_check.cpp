#include <algorithm>
#include <span>
#include <thread>

#include "audio_thread_calls.h"
#include "check.h"
#include "isolated_run.h"
#include "parameter_traits.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "signal.h"
#include "vst3/plugin_instance.h"
#include "vstkit/rtcheck/realtime_scope.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

constexpr std::size_t kBlock = 64;
constexpr int kWarmUpBlocks = 200;
constexpr int kMeasuredBlocks = 20000;

/// Plays 64-frame blocks on a dedicated audio thread, with automation of
/// every parameter on every block (several points at different offsets), and
/// counts what the plugin does on that thread.
AudioThreadCalls countAudioThreadCalls(const SuiteContext& context) {
    PluginInstance instance{context.module, context.audioClass, context.host};
    instance.start({48000.0, static_cast<int32>(kBlock)});
    std::vector<Vst::ParamID> automated;
    for (const auto& info : instance.parameters()) {
        if (isAutomatable(info)) {
            automated.push_back(info.id);
        }
    }
    auto changes = owned(new ParameterChanges(automated.size()));
    // In place, as many hosts play: every main channel reads and writes one buffer.
    const auto channelCount = static_cast<std::size_t>(
        std::max(instance.busLayout().mainInputs(), instance.busLayout().mainOutputs()));
    std::vector<std::vector<float>> buffers(channelCount, sine(48000.0, 1000.0, kBlock));
    std::vector<float*> channels;
    for (auto& buffer : buffers) {
        channels.push_back(buffer.data());
    }
    const std::span<float* const> inputs{
        channels.data(), static_cast<std::size_t>(instance.busLayout().mainInputs())};
    const std::span<float* const> outputs{
        channels.data(), static_cast<std::size_t>(instance.busLayout().mainOutputs())};

    rtcheck::setPolicy(rtcheck::Policy::Count);
    std::thread audioThread{[&] {
        for (int block = 0; block < kWarmUpBlocks + kMeasuredBlocks; ++block) {
            if (block == kWarmUpBlocks) {
                rtcheck::resetCounts();
            }
            changes->clear();
            for (const Vst::ParamID id : automated) {
                changes->add(id, block % 7, (block % 2 == 0) ? 0.3 : 0.123456);
                changes->add(id, 32 + block % 5, 0.5);
                changes->add(id, 63, (block % 3 == 0) ? 0.7 : 0.5);
            }
            const rtcheck::RealtimeScope audioThreadScope;
            instance.process(inputs, outputs, static_cast<int32>(kBlock), changes);
        }
    }};
    audioThread.join();
    rtcheck::setPolicy(rtcheck::Policy::Abort);

    return AudioThreadCalls::counted();
}

}  // namespace

CheckResult checkRealtime(SuiteContext& context) {
    if (!rtcheck::interposersActive()) {
        return CheckResult::skip("allocation counting is unavailable in sanitizer builds");
    }
    reportStep("counting calls on the audio thread");
    const auto calls = countAudioThreadCalls(context);
    const std::string where = " in " + std::to_string(kMeasuredBlocks) + " calls";
    const std::string how = " (64 frames, 3 automation points per parameter every block, after " +
                            std::to_string(kWarmUpBlocks) + " warm-up)";
    if (calls.total() == 0) {
        return CheckResult::pass(calls.text() + where + how);
    }
    return CheckResult::fail(calls.faults("process()", where) + how);
}

}  // namespace vstkit::host::conformance
