#include <thread>

#include "check.h"
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

struct AudioThreadCalls {
    std::uint64_t allocations = 0;
    std::uint64_t frees = 0;
    std::uint64_t locks = 0;

    [[nodiscard]] std::uint64_t total() const noexcept { return allocations + frees + locks; }
    [[nodiscard]] std::string text() const {
        return std::to_string(allocations) + " allocations, " + std::to_string(frees) + " frees, " +
               std::to_string(locks) + " mutex locks";
    }
};

/// Plays 64-frame blocks on a dedicated audio thread, with automation on
/// every third block, and counts what process() calls on that thread.
AudioThreadCalls countAudioThreadCalls(const Module& module, HostApplication& host) {
    PluginInstance instance{module, module.firstClassOf(kVstAudioEffectClass), host};
    instance.start({48000.0, static_cast<int32>(kBlock), 2, Vst::kRealtime});
    const auto gain = gainParameter(instance);
    auto changes = owned(new ParameterChanges);
    std::vector<float> left = sine(48000.0, 1000.0, kBlock);
    std::vector<float> right = left;
    std::array<float*, 2> channels{left.data(), right.data()};

    rtcheck::setPolicy(rtcheck::Policy::Count);
    std::thread audioThread{[&] {
        for (int block = 0; block < kWarmUpBlocks + kMeasuredBlocks; ++block) {
            if (block == kWarmUpBlocks) {
                rtcheck::resetCounts();
            }
            changes->clear();
            if (gain && block % 3 == 0) {
                changes->add(*gain, 0, (block % 2 == 0) ? 0.3 : 0.123456);
                changes->add(*gain, 32, 0.5);
            } else if (gain && block % 3 == 1) {
                changes->add(*gain, 0, 0.5);  // Some hosts resend unchanged values.
            }
            const rtcheck::RealtimeScope audioThreadScope;
            instance.process(channels, channels, static_cast<int32>(kBlock), changes);
        }
    }};
    audioThread.join();
    rtcheck::setPolicy(rtcheck::Policy::Abort);

    using rtcheck::Call;
    return {rtcheck::countOf(Call::Malloc) + rtcheck::countOf(Call::Calloc) +
                rtcheck::countOf(Call::Realloc) + rtcheck::countOf(Call::AlignedAlloc) +
                rtcheck::countOf(Call::OperatorNew),
            rtcheck::countOf(Call::Free) + rtcheck::countOf(Call::OperatorDelete),
            rtcheck::countOf(Call::MutexLock)};
}

}  // namespace

CheckResult checkRealtime(SuiteContext& context) {
    if (!rtcheck::interposersActive()) {
        return CheckResult::skip("allocation counting is unavailable in sanitizer builds");
    }
    const auto plugin = countAudioThreadCalls(context.module, context.host);
    const std::string where = " in " + std::to_string(kMeasuredBlocks) +
                              " process() calls (64 frames, automation every 3rd block, after " +
                              std::to_string(kWarmUpBlocks) + " warm-up)";
    if (context.baseline == nullptr) {
        return plugin.total() == 0 ? CheckResult::pass(plugin.text() + where)
                                   : CheckResult::fail(plugin.text() + where);
    }
    // The baseline runs the same framework wrapper around an empty gain, so
    // whatever it does on the audio thread is the wrapper's, not the plugin's.
    const auto baseline = countAudioThreadCalls(*context.baseline, context.host);
    const std::string comparison = "plugin: " + plugin.text() + "; baseline " +
                                   context.baseline->bundlePath().filename().string() + ": " +
                                   baseline.text() + where;
    if (plugin.allocations > baseline.allocations || plugin.frees > baseline.frees ||
        plugin.locks > baseline.locks) {
        return CheckResult::fail("the plugin adds audio-thread calls of its own. " + comparison);
    }
    return CheckResult::pass("nothing beyond the framework baseline. " + comparison);
}

}  // namespace vstkit::host::conformance
