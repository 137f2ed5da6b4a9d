#include <algorithm>
#include <cmath>
#include <thread>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "conformance/audio_thread_calls.h"
#include "conformance/isolated_run.h"
#include "conformance/signal.h"
#include "vstkit/rtcheck/realtime_scope.h"

namespace vstkit::host::conformance {

namespace {

constexpr std::uint32_t kBlock = 64;
constexpr int kWarmUpBlocks = 200;
constexpr int kMeasuredBlocks = 20000;
/// Every this many blocks, the events go through params.flush() instead.
constexpr int kFlushEvery = 10;

/// The calls counted, and how often process() reported an error.
struct Measured {
    AudioThreadCalls calls;
    int errors = 0;
};

/// Plays 64-frame blocks in place on a dedicated audio thread, with three
/// events for every automatable parameter on every block (some blocks'
/// through flush()), and counts what the plugin does on that thread.
Measured countAudioThreadCalls(const ClapSuiteContext& context) {
    ClapInstance instance{context.module, context.pluginId};
    instance.start(48000.0, kBlock);
    std::vector<clap_abi::ParamInfo> automated;
    for (const auto& info : instance.parameters()) {
        if (isAutomatable(info)) {
            automated.push_back(info);
        }
    }
    InputEventList events{automated.size() * 3 + 1};
    const std::size_t channelCount =
        std::max(instance.ports().mainInputChannels(), instance.ports().mainOutputChannels());
    std::vector<std::vector<float>> buffers(channelCount, sine(48000.0, 1000.0, kBlock));
    std::vector<float*> channels;
    for (auto& buffer : buffers) {
        channels.push_back(buffer.data());
    }
    const std::span<float* const> inputs{channels.data(), instance.ports().mainInputChannels()};
    const std::span<float* const> outputs{channels.data(), instance.ports().mainOutputChannels()};
    const InputEventList noEvents{0};
    const auto at = [](const clap_abi::ParamInfo& info, double position) {
        return info.minValue + position * (info.maxValue - info.minValue);
    };

    int errors = 0;
    rtcheck::setPolicy(rtcheck::Policy::Count);
    std::thread audioThread{[&] {
        for (int block = 0; block < kWarmUpBlocks + kMeasuredBlocks; ++block) {
            if (block == kWarmUpBlocks) {
                rtcheck::resetCounts();
            }
            events.clear();
            for (const auto& info : automated) {
                const double first = at(info, block % 2 == 0 ? 0.3 : 0.123456);
                const double last = at(info, block % 3 == 0 ? 0.7 : 0.5);
                events.addParamValue(info.id, static_cast<std::uint32_t>(block % 7),
                                     isStepped(info) ? std::round(first) : first, info.cookie);
                events.addParamValue(info.id, static_cast<std::uint32_t>(32 + block % 5),
                                     isStepped(info) ? std::round(at(info, 0.5)) : at(info, 0.5),
                                     info.cookie);
                events.addParamValue(info.id, kBlock - 1, isStepped(info) ? std::round(last) : last,
                                     info.cookie);
            }
            instance.outputEvents().clear();
            const rtcheck::RealtimeScope audioThreadScope;
            if (block % kFlushEvery == 0) {
                instance.flush(events);
                errors +=
                    instance.process(inputs, outputs, kBlock, noEvents) == clap_abi::kProcessError
                        ? 1
                        : 0;
            } else {
                errors +=
                    instance.process(inputs, outputs, kBlock, events) == clap_abi::kProcessError
                        ? 1
                        : 0;
            }
        }
    }};
    audioThread.join();
    rtcheck::setPolicy(rtcheck::Policy::Abort);

    const AudioThreadCalls calls = AudioThreadCalls::counted();
    instance.deactivate();
    return {calls, errors};
}

}  // namespace

CheckResult checkClapRealtime(ClapSuiteContext& context) {
    if (!rtcheck::interposersActive()) {
        return CheckResult::skip("allocation counting is unavailable in sanitizer builds");
    }
    reportStep("counting calls on the audio thread");
    const auto [calls, errors] = countAudioThreadCalls(context);
    const std::string where = " in " + std::to_string(kMeasuredBlocks) + " blocks";
    const std::string how =
        " (64 frames in place, 3 events per automatable parameter every block, every " +
        std::to_string(kFlushEvery) + "th block's through params.flush, after " +
        std::to_string(kWarmUpBlocks) + " warm-up)";
    if (errors > 0) {
        return CheckResult::fail("process() returned CLAP_PROCESS_ERROR " + std::to_string(errors) +
                                 " times" + how);
    }
    if (calls.total() == 0) {
        return CheckResult::pass(calls.text() + where + how);
    }
    return CheckResult::fail(calls.faults("process() or flush()", where) + how);
}

}  // namespace vstkit::host::conformance
