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
AudioThreadCalls countAudioThreadCalls(const Module& module, HostApplication& host) {
    PluginInstance instance{module, module.firstClassOf(kVstAudioEffectClass), host};
    instance.start({48000.0, static_cast<int32>(kBlock), 2, Vst::kRealtime});
    std::vector<Vst::ParamID> automated;
    for (const auto& info : instance.parameters()) {
        if ((info.flags & Vst::ParameterInfo::kCanAutomate) != 0) {
            automated.push_back(info.id);
        }
    }
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
            for (const Vst::ParamID id : automated) {
                changes->add(id, block % 7, (block % 2 == 0) ? 0.3 : 0.123456);
                changes->add(id, 32 + block % 5, 0.5);
                changes->add(id, 63, (block % 3 == 0) ? 0.7 : 0.5);
            }
            const rtcheck::RealtimeScope audioThreadScope;
            instance.process(channels, channels, static_cast<int32>(kBlock), changes);
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
    const auto calls = countAudioThreadCalls(context.module, context.host);
    const std::string where = " in " + std::to_string(kMeasuredBlocks) +
                              " process() calls (64 frames, 3 automation points per parameter "
                              "every block, after " +
                              std::to_string(kWarmUpBlocks) + " warm-up)";
    if (calls.total() == 0) {
        return CheckResult::pass(calls.text() + where);
    }
    // Name the fault the way a plugin developer would search for it.
    std::string fault;
    const auto add = [&fault](std::uint64_t count, const char* what) {
        if (count > 0) {
            fault += (fault.empty() ? "" : ", ") + std::string{what};
        }
    };
    add(calls.allocations + calls.frees, "allocates in process()");
    add(calls.locks, "locks in process()");
    add(calls.blocking, "waits or sleeps in process()");
    add(calls.io, "does I/O in process()");
    return CheckResult::fail(fault + ": " + calls.text() + where);
}

}  // namespace vstkit::host::conformance
