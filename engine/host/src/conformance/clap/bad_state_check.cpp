#include <map>
#include <random>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "clap_signal.h"
#include "conformance/bad_state_blobs.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"

namespace vstkit::host::conformance {

namespace {

constexpr double kRate = 48000.0;
constexpr std::uint32_t kBlock = 512;

using Values = std::map<clap_abi::Id, double>;

Values valuesOf(const ClapInstance& instance) {
    Values values;
    for (const auto& info : instance.parameters()) {
        if (const auto value = instance.value(info.id)) {
            values[info.id] = *value;
        }
    }
    return values;
}

/// "changed parameter 'Gain' (id 0) from 1.000000 to -3.000000", or nothing.
std::optional<std::string> changedValue(const ClapInstance& instance, const Values& before) {
    for (const auto& info : instance.parameters()) {
        const auto was = before.find(info.id);
        const auto now = instance.value(info.id);
        if (was != before.end() && (!now || !sameValue(info, *now, was->second))) {
            return "changed " + nameOf(info) + " from " + formatDouble(was->second, 6) + " to " +
                   (now ? formatDouble(*now, 6) : std::string{"(get_value fails)"});
        }
    }
    return std::nullopt;
}

/// Every writable value moved off what it is now, through a flush.
void moveValues(ClapInstance& instance, bool third) {
    std::vector<std::pair<clap_abi::Id, double>> edits;
    for (const auto& info : instance.parameters()) {
        if (isWritable(info)) {
            const double now = instance.value(info.id).value_or(info.defaultValue);
            const double other = otherValue(info, now);
            edits.emplace_back(info.id, third ? thirdValue(info, now, other) : other);
        }
    }
    instance.setValues(edits);
}

}  // namespace

CheckResult checkClapBadState(ClapSuiteContext& context) {
    FaultList faults;
    reportStep("saving a good state");
    ClapInstance instance{context.module, context.pluginId};
    if (instance.extensions().state == nullptr) {
        return CheckResult::skip("no state extension (clap.state)");
    }
    // The cut blobs come from an instance holding a third set of values, so
    // a plugin that resets to its defaults on a bad blob cannot look as if
    // it loaded one whole.
    ClapInstance other{context.module, context.pluginId};
    moveValues(other, true);
    const Values otherValues = valuesOf(other);
    const auto otherState = other.saveState();
    if (!otherState) {
        return CheckResult::fail("state save() fails");
    }
    const auto blobs = badBlobs(*otherState);

    moveValues(instance, false);
    const auto goodState = instance.saveState();
    if (!goodState) {
        return CheckResult::fail("state save() fails");
    }
    instance.start(kRate, kBlock);
    int refused = 0;
    int loadedWhole = 0;
    // Bad blobs reach the instance while it is active, between blocks, as
    // when a user loads a preset during playback.
    for (const auto& blob : blobs) {
        reportStep("loading " + blob.description);
        if (!instance.loadState(*goodState)) {
            return CheckResult::fail("load() refuses the plugin's own saved state");
        }
        const Values before = valuesOf(instance);
        const bool loaded = instance.loadState(blob.bytes);
        refused += loaded ? 0 : 1;
        const std::string loading = "loading " + blob.description + " (load() returned " +
                                    (loaded ? "true" : "false") + ")";
        if (blob.isCut && loaded && !changedValue(instance, otherValues)) {
            ++loadedWhole;
        } else if (const auto changed = changedValue(instance, before)) {
            faults.add(loading + " " + *changed +
                       (blob.isCut ? ": it applied part of a cut state" : ""));
        } else if (loaded) {
            faults.add(loading + ": load() must return false for a state it cannot use");
        }
        reportStep("playing after loading " + blob.description);
        const auto run = playClap(instance, sine(kRate, 997.0, 4096), fixedBlocks(kBlock));
        if (const auto fault = runFault(run)) {
            faults.add("after " + loading + ", " + *fault);
        }
    }
    return faults.verdict(
        context.outputDirectory, "bad-state",
        std::to_string(blobs.size()) +
            " bad states (empty, cut, random, trailing garbage, 16 MiB) loaded while active: " +
            std::to_string(refused) + " refused" +
            (loadedWhole > 0
                 ? ", " + std::to_string(loadedWhole) + " still whole to its format loaded whole"
                 : std::string{}) +
            "; values unchanged, and it plays on");
}

}  // namespace vstkit::host::conformance
