#include <filesystem>
#include <fstream>
#include <map>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_parameter_traits.h"
#include "clap_signal.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"
#include "conformance/number_text.h"
#include "conformance/restored_audio.h"

namespace vstkit::host::conformance {

namespace {

constexpr double kRate = 48000.0;
constexpr std::uint32_t kBlock = 512;
/// Reads of at most this many bytes: a plugin must loop until its state is read.
constexpr std::size_t kReadChunk = 7;

using Bytes = std::vector<std::uint8_t>;

void writeFile(const std::filesystem::path& path, const Bytes& bytes) {
    std::ofstream file{path, std::ios::binary};
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

std::map<clap_abi::Id, double> valuesOf(const ClapInstance& instance) {
    std::map<clap_abi::Id, double> values;
    for (const auto& info : instance.parameters()) {
        if (const auto value = instance.value(info.id)) {
            values[info.id] = *value;
        }
    }
    return values;
}

/// A quarter second of a sine from a fresh activation.
RunOutput renderFromStart(ClapInstance& instance) {
    instance.start(kRate, kBlock);
    auto run = playClap(instance, sine(kRate, 1000.0, static_cast<std::size_t>(kRate / 4)),
                        fixedBlocks(kBlock));
    instance.deactivate();
    return std::move(run.output);
}

/// Each value in `expected` that `instance` does not hold, as faults.
void compareValues(const ClapInstance& instance, const std::map<clap_abi::Id, double>& expected,
                   const std::string& what, FaultList& faults) {
    for (const auto& info : instance.parameters()) {
        const auto wanted = expected.find(info.id);
        const auto now = instance.value(info.id);
        if (wanted != expected.end() && (!now || !sameValue(info, *now, wanted->second))) {
            faults.add(nameOf(info) + " was " + formatDouble(wanted->second, 6) + " in " + what +
                       ", but a new instance loading it holds " +
                       (now ? formatDouble(*now, 6) : std::string{"(get_value fails)"}));
        }
    }
}

}  // namespace

CheckResult checkClapState(ClapSuiteContext& context) {
    FaultList faults;
    ClapInstance original{context.module, context.pluginId};
    if (original.extensions().state == nullptr) {
        return CheckResult::fail(
            "no state extension (clap.state): a host cannot save the "
            "plugin's settings in a session");
    }
    reportStep("saving the initial state");
    const auto initialState = original.saveState();
    if (!initialState) {
        return CheckResult::fail("state save() fails on a new instance");
    }
    const auto initialValues = valuesOf(original);

    // Every writable value moved through events in process(), as automation
    // or a host's control surface sets them while playing.
    reportStep("changing every writable parameter through process() events");
    original.start(kRate, kBlock);
    std::vector<std::pair<clap_abi::Id, double>> edits;
    for (const auto& info : original.parameters()) {
        if (isWritable(info)) {
            edits.emplace_back(
                info.id, otherValue(info, original.value(info.id).value_or(info.defaultValue)));
        }
    }
    const auto played =
        playClap(original, sine(kRate, 1000.0, kBlock * 4), fixedBlocks(kBlock),
                 [&](std::size_t start, std::size_t, InputEventList& events) {
                     if (start == 0) {
                         for (const auto& [id, value] : edits) {
                             events.addParamValue(id, 0, value, original.cookieOf(id));
                         }
                     }
                 });
    if (const auto fault = runFault(played)) {
        faults.add("playing with the changes: " + *fault);
    }
    original.deactivate();
    for (const auto& [id, value] : edits) {
        const auto now = original.value(id);
        if (!now || std::abs(*now - value) > 1e-3 * std::max(1.0, std::abs(value))) {
            faults.add("a param value event set parameter id " + std::to_string(id) + " to " +
                       formatDouble(value, 6) + " in process(), but get_value then gives " +
                       (now ? formatDouble(*now, 6) : std::string{"(fails)"}));
        }
    }
    const auto changedValues = valuesOf(original);
    reportStep("saving the changed state");
    const auto changedState = original.saveState();
    if (!changedState) {
        return CheckResult::fail("state save() fails after the values changed");
    }
    writeFile(context.outputDirectory / "clap-state.bin", *changedState);
    if (!edits.empty() && *changedState == *initialState) {
        faults.add("the state saved after " + std::to_string(edits.size()) +
                   " values changed is byte for byte the initial one");
    }

    // As a host opens a session: a new instance, the state, then activation.
    reportStep("loading the changed state into a new instance, " + std::to_string(kReadChunk) +
               " bytes per read");
    ClapInstance restored{context.module, context.pluginId};
    if (!restored.loadState(*changedState, kReadChunk)) {
        faults.add(restored.loadState(*changedState)
                       ? "load() refuses the plugin's own state when the stream gives " +
                             std::to_string(kReadChunk) +
                             " bytes per read (it accepts it whole): read until the end"
                       : "load() refuses the plugin's own saved state (" +
                             std::to_string(changedState->size()) + " bytes)");
    }
    compareValues(restored, changedValues, "the saved state", faults);

    reportStep("loading the initial state into a new instance");
    {
        ClapInstance fromInitial{context.module, context.pluginId};
        (void)fromInitial.loadState(*changedState);
        if (!fromInitial.loadState(*initialState, kReadChunk)) {
            faults.add("load() refuses the initial state (" + std::to_string(initialState->size()) +
                       " bytes)");
        }
        compareValues(fromInitial, initialValues, "the initial state", faults);
    }

    reportStep("rendering the original and the restored instance");
    const RunOutput first = renderFromStart(original);
    const RunOutput second = renderFromStart(original);
    const RunOutput fromRestored = renderFromStart(restored);
    const std::string audio = compareRestoredAudio(first, second, fromRestored, faults);
    return faults.verdict(
        context.outputDirectory, "state",
        std::to_string(edits.size()) + " values changed by events came back through a " +
            std::to_string(changedState->size()) + "-byte state read " +
            std::to_string(kReadChunk) + " bytes at a time, as did the initial state; " + audio);
}

}  // namespace vstkit::host::conformance
