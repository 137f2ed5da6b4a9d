#include <algorithm>
#include <span>
#include <thread>

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

struct AudioThreadCalls {
    std::uint64_t allocations = 0;
    std::uint64_t frees = 0;
    std::uint64_t locks = 0;
    std::uint64_t blocking = 0;
    std::uint64_t io = 0;

    [[nodiscard]] std::uint64_t total() const noexcept {
        return allocations + frees + locks + blocking + io;
    }
    [[nodiscard]] std::string text() const {
        return std::to_string(allocations) + " allocations, " + std::to_string(frees) + " frees, " +
               std::to_string(locks) + " locks, " + std::to_string(blocking) +
               " blocking waits or sleeps, " + std::to_string(io) + " reads or writes";
    }
};

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

    using rtcheck::Category;
    return {rtcheck::countOf(Category::Allocation), rtcheck::countOf(Category::Free),
            rtcheck::countOf(Category::Lock), rtcheck::countOf(Category::Blocking),
            rtcheck::countOf(Category::Io)};
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
    // Name each fault the way a plugin developer would search for it.
    std::string faults;
    const auto add = [&](std::uint64_t count, const std::string& fault) {
        if (count > 0) {
            faults += (faults.empty() ? "" : "; ") + fault + where;
        }
    };
    add(calls.allocations + calls.frees,
        "allocates in process(): " + std::to_string(calls.allocations) + " allocations and " +
            std::to_string(calls.frees) + " frees");
    add(calls.locks, "locks in process(): " + std::to_string(calls.locks) + " locks");
    add(calls.blocking,
        "waits or sleeps in process(): " + std::to_string(calls.blocking) + " waits or sleeps");
    add(calls.io, "does I/O in process(): " + std::to_string(calls.io) + " reads or writes");
    return CheckResult::fail(faults + how);
}

}  // namespace vstkit::host::conformance
