#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "check.h"
#include "fault_list.h"
#include "isolated_run.h"
#include "number_text.h"
#include "parameter_traits.h"
#include "vst3/plugin_instance.h"
#include "vst3/strings.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

// Appended part by part: GCC 12 warns falsely (-Wrestrict) on "literal" +
// std::string temporaries at -O3.
template <typename... Parts>
std::string text(const Parts&... parts) {
    std::string joined;
    (joined.append(std::string_view{parts}), ...);
    return joined;
}

constexpr double kRate = 48000.0;
constexpr std::size_t kBlock = 64;
/// The burst: one block of white noise at -6 dBFS peak.
constexpr float kBurstLevel = 0.5F;
/// Output below this (-120 dBFS) counts as rung out.
constexpr double kRingFloor = 1e-6;
/// Played past the declared tail, and how long flagged silence must last
/// before an unbounded tail counts as over.
constexpr double kMarginSeconds = 0.5;
/// A ring this much longer than declared is still in the block a host
/// would stop at: a smoothing filter's few samples are no fault.
constexpr std::size_t kRingTolerance = kBlock;
/// An unbounded tail ("until silent") is followed this long at most.
constexpr double kLongestRunSeconds = 120.0;

struct Setting {
    std::string name;
    std::vector<std::pair<Vst::ParamID, double>> values;
};

/// The defaults, then each settable parameter (bypass aside) at its maximum
/// with the others at their defaults: a filter's resonance, an echo's
/// feedback, a reverb's size.
std::vector<Setting> settingsToTry(const PluginInstance& instance) {
    // Every setting sets every parameter, so none inherits the one before.
    std::vector<std::pair<Vst::ParamID, double>> defaults;
    const auto parameters = instance.parameters();
    for (const auto& info : parameters) {
        if (isWritable(info)) {
            defaults.emplace_back(info.id, info.defaultNormalizedValue);
        }
    }
    std::vector<Setting> settings{{"the defaults", defaults}};
    for (const auto& info : parameters) {
        if (!isWritable(info) || (info.flags & Vst::ParameterInfo::kIsBypass) != 0 ||
            info.defaultNormalizedValue >= 1.0) {
            continue;
        }
        Setting setting{text("'", toUtf8(info.title), "' at its maximum"), defaults};
        for (auto& [id, value] : setting.values) {
            value = id == info.id ? 1.0 : value;
        }
        settings.push_back(std::move(setting));
    }
    return settings;
}

/// What one setting's run showed.
struct Ring {
    /// Frames after the burst during which the output was above kRingFloor.
    std::size_t frames = 0;
    /// Frames after the burst from which every output was flagged silent.
    std::optional<std::size_t> flaggedFrom;
    /// The run ended before the output fell silent (an unbounded tail).
    bool stillRinging = false;
};

std::string milliseconds(std::size_t frames) {
    return text(formatDouble(1000.0 * static_cast<double>(frames) / kRate, 0), " ms");
}

/// Plays the burst, then flagged-silent input, and checks every flag the
/// plugin sets against the samples it wrote.
Ring playBurstAndSilence(PluginInstance& instance, const Setting& setting, uint32 tailSamples,
                         FaultList& faults) {
    const auto inputs = static_cast<std::size_t>(std::max(instance.busLayout().mainInputs(), 0));
    const auto outputs = static_cast<std::size_t>(std::max(instance.busLayout().mainOutputs(), 0));
    std::vector<std::vector<float>> in(inputs, std::vector<float>(kBlock));
    std::vector<std::vector<float>> out(outputs, std::vector<float>(kBlock));
    std::vector<float*> inPointers;
    std::vector<float*> outPointers;
    for (auto& channel : in) {
        inPointers.push_back(channel.data());
    }
    for (auto& channel : out) {
        outPointers.push_back(channel.data());
    }
    std::mt19937 random{7};
    std::uniform_real_distribution<float> noise{-kBurstLevel, kBurstLevel};
    for (auto& channel : in) {
        std::generate(channel.begin(), channel.end(), [&] { return noise(random); });
    }
    const std::uint64_t allInputs = (std::uint64_t{1} << inputs) - 1;
    const std::uint64_t allOutputs = (std::uint64_t{1} << outputs) - 1;

    const auto margin = static_cast<std::size_t>(kMarginSeconds * kRate);
    const std::size_t limit = tailSamples == Vst::kInfiniteTail
                                  ? static_cast<std::size_t>(kLongestRunSeconds * kRate)
                                  : static_cast<std::size_t>(tailSamples) + margin;
    Ring ring;
    bool flagFaultSeen = false;
    std::size_t played = 0;  // Frames after the burst.
    for (std::size_t block = 0;; ++block) {
        if (instance.process(inPointers, outPointers, static_cast<int32>(kBlock), nullptr) !=
            kResultOk) {
            faults.add(text(setting.name, ": process() failed after the burst"));
            return ring;
        }
        if (block == 0) {
            // From now on the input is silent, and the host says so.
            for (auto& channel : in) {
                std::fill(channel.begin(), channel.end(), 0.0F);
            }
            instance.setMainInputSilenceFlags(allInputs);
            continue;
        }
        const std::uint64_t flags = instance.mainOutputSilenceFlags();
        for (std::size_t c = 0; c < outputs; ++c) {
            const auto loud = std::find_if(out[c].begin(), out[c].end(), [](float sample) {
                return std::fabs(sample) > kRingFloor;
            });
            if (loud != out[c].end()) {
                const auto last = std::find_if(out[c].rbegin(), out[c].rend(), [](float sample) {
                    return std::fabs(sample) > kRingFloor;
                });
                const auto lastIndex = static_cast<std::size_t>(out[c].rend() - last);
                ring.frames = std::max(ring.frames, played + lastIndex);
            }
            const bool flagged = ((flags >> c) & 1U) != 0;
            const bool silent = std::all_of(out[c].begin(), out[c].end(),
                                            [](float sample) { return sample == 0.0F; });
            if (flagged && !silent && !flagFaultSeen) {
                flagFaultSeen = true;
                double peak = 0.0;
                for (const float sample : out[c]) {
                    peak = std::max(peak, static_cast<double>(std::fabs(sample)));
                }
                faults.add(text(setting.name, ": output channel ", std::to_string(c),
                                " is flagged silent ", milliseconds(played),
                                " after the input stopped, yet peaks at ", formatDbfs(peak)));
            }
        }
        if (outputs > 0 && (flags & allOutputs) == allOutputs) {
            ring.flaggedFrom = ring.flaggedFrom.value_or(played);
        } else {
            ring.flaggedFrom.reset();
        }
        played += kBlock;
        if (played >= limit) {
            ring.stillRinging = tailSamples == Vst::kInfiniteTail && ring.frames + margin > played;
            return ring;
        }
        if (tailSamples == Vst::kInfiniteTail && ring.flaggedFrom &&
            played - *ring.flaggedFrom >= margin) {
            return ring;
        }
    }
}

}  // namespace

CheckResult checkTail(SuiteContext& context) {
    FaultList faults;
    PluginInstance instance{context.module, context.audioClass, context.host};
    instance.start({kRate, static_cast<int32>(kBlock)});
    if (instance.busLayout().mainInputs() <= 0 || instance.busLayout().mainOutputs() <= 0) {
        return CheckResult::skip("no main audio input and output to ring through");
    }
    const uint32 tailSamples = instance.audioProcessor().getTailSamples();
    const std::string declared = tailSamples == Vst::kInfiniteTail ? "an unbounded tail"
                                 : tailSamples == Vst::kNoTail
                                     ? "no tail"
                                     : text("a tail of ", milliseconds(tailSamples));
    // One line per setting, for a plugin's own tests to read.
    std::ofstream rings{context.outputDirectory / "tail-rings.txt"};
    std::string longest;
    std::size_t longestFrames = 0;
    for (const auto& setting : settingsToTry(instance)) {
        reportStep(text("ringing out with ", setting.name));
        instance.start({kRate, static_cast<int32>(kBlock)});
        instance.setMainInputSilenceFlags(0);
        instance.setBeforePlayback(setting.values);
        const Ring ring = playBurstAndSilence(instance, setting, tailSamples, faults);
        rings << setting.name << ": rings " << milliseconds(ring.frames) << " (" << ring.frames
              << " frames) above -120 dBFS; "
              << (ring.flaggedFrom ? text("flagged silent from ", milliseconds(*ring.flaggedFrom))
                                   : std::string{"never flagged silent"})
              << '\n';
        if (tailSamples != Vst::kInfiniteTail && ring.frames > tailSamples + kRingTolerance) {
            faults.add(text(setting.name, ": the output rings ", milliseconds(ring.frames),
                            " above -120 dBFS after the input stops, but the plugin declares ",
                            declared, " (getTailSamples)"));
        }
        if (context.expectSilenceFlags && !ring.stillRinging && !ring.flaggedFrom) {
            faults.add(text(setting.name, ": the output rang out after ", milliseconds(ring.frames),
                            " but was never flagged silent"));
        }
        if (ring.frames >= longestFrames) {
            longestFrames = ring.frames;
            longest = text(setting.name, ", ", milliseconds(ring.frames),
                           ring.flaggedFrom
                               ? text(", flagged silent from ", milliseconds(*ring.flaggedFrom))
                               : std::string{});
        }
    }
    instance.setMainInputSilenceFlags(0);
    return faults.verdict(context, "tail",
                          text("declares ", declared, "; longest ring to -120 dBFS: ", longest,
                               "; flagged-silent output was silent"));
}

}  // namespace vstkit::host::conformance
