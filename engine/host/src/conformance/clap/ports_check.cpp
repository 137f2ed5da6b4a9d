#include <cstring>
#include <set>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "clap_signal.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"

namespace vstkit::host::conformance {

namespace {

std::string portName(bool isInput, std::uint32_t index) {
    return std::string{isInput ? "input" : "output"} + " port " + std::to_string(index);
}

/// Each port of one direction: main flag, channels, type, ids.
void checkPorts(ClapInstance& instance, bool isInput, FaultList& faults) {
    const auto& ports = *instance.extensions().audioPorts;
    const auto& plugin = instance.plugin();
    const std::uint32_t count = ports.count(&plugin, isInput);
    std::set<clap_abi::Id> ids;
    int mains = 0;
    for (std::uint32_t index = 0; index < count; ++index) {
        const std::string name = portName(isInput, index);
        clap_abi::AudioPortInfo info{};
        if (!ports.get(&plugin, index, isInput, &info)) {
            faults.add("audio-ports get(" + name + ") fails though count says " +
                       std::to_string(count));
            continue;
        }
        if (!ids.insert(info.id).second) {
            faults.add(name + " repeats the id " + std::to_string(info.id));
        }
        if (info.name[0] == '\0') {
            faults.add(name + " has no name");
        }
        const bool isMain = (info.flags & clap_abi::kAudioPortIsMain) != 0;
        mains += isMain ? 1 : 0;
        if (isMain && index != 0) {
            faults.add(name + " is flagged main, but the main port must be the first");
        }
        if (info.channelCount != 1 && info.channelCount != 2) {
            faults.add(name + " has " + std::to_string(info.channelCount) +
                       " channels (VstKit hosts mono and stereo)");
        }
        if (info.portType != nullptr) {
            const bool mono = std::strcmp(info.portType, clap_abi::kPortMono) == 0;
            const bool stereo = std::strcmp(info.portType, clap_abi::kPortStereo) == 0;
            if ((mono && info.channelCount != 1) || (stereo && info.channelCount != 2)) {
                faults.add(name + " is of type \"" + info.portType + "\" with " +
                           std::to_string(info.channelCount) + " channels");
            }
        }
    }
    if (count > 0 && mains == 0) {
        faults.add(std::string{"no "} + (isInput ? "input" : "output") +
                   " port is flagged main (CLAP_AUDIO_PORT_IS_MAIN)");
    }
    if (mains > 1) {
        faults.add(std::to_string(mains) + " " + (isInput ? "input" : "output") +
                   " ports are flagged main");
    }
    clap_abi::AudioPortInfo past{};
    if (ports.get(&plugin, count, isInput, &past)) {
        faults.add("audio-ports get(" + portName(isInput, count) + ") past the end succeeds");
    }
}

/// Every configuration selected in turn while deactivated: the ports then
/// match it and play; selecting while active is refused.
std::string checkConfigs(ClapInstance& instance, FaultList& faults) {
    const auto* configs = instance.extensions().audioPortsConfig;
    if (configs == nullptr) {
        return "no audio-ports-config";
    }
    const auto& plugin = instance.plugin();
    const std::uint32_t count = configs->count(&plugin);
    std::string names;
    for (std::uint32_t index = 0; index < count; ++index) {
        clap_abi::AudioPortsConfig config{};
        if (!configs->get(&plugin, index, &config)) {
            faults.add("audio-ports-config get(" + std::to_string(index) + ") fails");
            continue;
        }
        const std::string name =
            "config '" + std::string{config.name} + "' (id " + std::to_string(config.id) + ")";
        names += (names.empty() ? "" : ", ") + std::string{config.name};
        reportStep("selecting " + name);
        instance.deactivate();
        if (!configs->select(&plugin, config.id)) {
            faults.add("select(" + name + ") while deactivated is refused");
            continue;
        }
        const ClapPorts ports = instance.readPorts();
        if (ports.inputs.size() != config.inputPortCount ||
            ports.outputs.size() != config.outputPortCount ||
            (config.hasMainInput && ports.mainInputChannels() != config.mainInputChannelCount) ||
            (config.hasMainOutput && ports.mainOutputChannels() != config.mainOutputChannelCount)) {
            faults.add("after select(" + name + ") audio-ports reports " + ports.text() +
                       ", not the config's " + std::to_string(config.inputPortCount) + " in (" +
                       std::to_string(config.mainInputChannelCount) + " main) / " +
                       std::to_string(config.outputPortCount) + " out (" +
                       std::to_string(config.mainOutputChannelCount) + " main)");
        }
        try {
            instance.start(48000.0, 512);
            if (const auto fault =
                    runFault(playClap(instance, sine(48000.0, 997.0, 4096), fixedBlocks(512)))) {
                faults.add("with " + name + ": " + *fault);
            }
        } catch (const std::exception& error) {
            faults.add("with " + name + ": " + error.what());
            continue;
        }
        if (configs->select(&plugin, config.id)) {
            faults.add("select(" + name + ") while active succeeds: it must be refused");
        }
        instance.deactivate();
    }
    return std::to_string(count) + " audio-ports-config(s) [" + names + "] each selectable";
}

}  // namespace

CheckResult checkClapPorts(ClapSuiteContext& context) {
    FaultList faults;
    ClapInstance instance{context.module, context.pluginId};
    if (instance.extensions().audioPorts == nullptr) {
        return CheckResult::fail(
            "no audio-ports extension (clap.audio-ports): an audio effect must declare its ports");
    }
    reportStep("reading the audio ports");
    checkPorts(instance, true, faults);
    checkPorts(instance, false, faults);
    const ClapPorts ports = instance.readPorts();
    if (ports.mainInputChannels() == 0 || ports.mainOutputChannels() == 0) {
        faults.add("an audio effect needs a main input and a main output port; it has " +
                   ports.text());
    }
    const std::string configs = checkConfigs(instance, faults);
    return faults.verdict(context.outputDirectory, "ports",
                          "audio ports " + instance.readPorts().text() + "; " + configs);
}

}  // namespace vstkit::host::conformance
