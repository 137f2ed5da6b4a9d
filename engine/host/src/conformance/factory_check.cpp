#include <cstring>
#include <set>

#include "check.h"
#include "commands/cid_text.h"
#include "fault_list.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "pluginterfaces/vst/ivsteditcontroller.h"
#include "vst3/strings.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

namespace {

template <typename Interface>
IPtr<Interface> createAs(IPluginFactory& factory, const TUID cid) {
    void* created = nullptr;
    if (factory.createInstance(cid, Interface::iid, &created) != kResultOk || created == nullptr) {
        return nullptr;
    }
    return owned(static_cast<Interface*>(created));
}

template <typename Interface>
IPtr<Interface> queryAs(FUnknown* object) {
    void* found = nullptr;
    if (object->queryInterface(Interface::iid, &found) != kResultOk || found == nullptr) {
        return nullptr;
    }
    return owned(static_cast<Interface*>(found));
}

const ClassDescription* findClass(const std::vector<ClassDescription>& classes, const TUID cid) {
    for (const auto& description : classes) {
        if (std::memcmp(description.cid, cid, sizeof(TUID)) == 0) {
            return &description;
        }
    }
    return nullptr;
}

/// Every audio bus needs a name and at least one channel (hosts label and
/// route by them); an audio class needs an output to be heard.
void checkBuses(Vst::IComponent& component, const std::string& where, FaultList& faults) {
    for (const auto direction : {Vst::kInput, Vst::kOutput}) {
        const char* side = direction == Vst::kInput ? "input" : "output";
        const int32 count = component.getBusCount(Vst::kAudio, direction);
        for (int32 index = 0; index < count; ++index) {
            Vst::BusInfo info{};
            if (component.getBusInfo(Vst::kAudio, direction, index, info) != kResultOk) {
                faults.add(where + ": getBusInfo refuses audio " + side + " bus " +
                           std::to_string(index) + " of the " + std::to_string(count) +
                           " it counts");
                continue;
            }
            if (toUtf8(info.name).empty()) {
                faults.add(where + ": audio " + side + " bus " + std::to_string(index) +
                           " has no name");
            }
            if (info.channelCount <= 0) {
                faults.add(where + ": audio " + side + " bus " + std::to_string(index) + " has " +
                           std::to_string(info.channelCount) + " channels");
            }
        }
    }
    if (component.getBusCount(Vst::kAudio, Vst::kOutput) < 1) {
        faults.add(where + " has no audio output bus");
    }
}

/// Creates the class's component and its controller, as a DAW would.
void checkComponent(IPluginFactory& factory, const std::vector<ClassDescription>& classes,
                    const ClassDescription& audioClass, Vst::IHostApplication& host,
                    FaultList& faults, int& separateControllers) {
    const std::string where = "class '" + audioClass.name + "'";
    auto component = createAs<Vst::IComponent>(factory, audioClass.cid);
    if (!component) {
        faults.add(where + ": createInstance(IComponent) fails");
        return;
    }
    if (component->initialize(&host) != kResultOk) {
        faults.add(where + ": the component refuses initialize()");
        return;
    }
    if (!queryAs<Vst::IAudioProcessor>(component)) {
        faults.add(where + ": the component has no IAudioProcessor");
    }
    checkBuses(*component, where, faults);
    if (!queryAs<Vst::IEditController>(component)) {
        TUID controllerCid{};
        if (component->getControllerClassId(controllerCid) != kResultOk) {
            faults.add(where +
                       ": the component is no IEditController and names no controller "
                       "class (getControllerClassId fails)");
        } else if (const auto* controllerClass = findClass(classes, controllerCid);
                   controllerClass == nullptr) {
            faults.add(where + ": its controller class " + cidText(controllerCid) +
                       " is not in the factory");
        } else if (controllerClass->category != kVstComponentControllerClass) {
            faults.add(where + ": its controller class '" + controllerClass->name +
                       "' is in category '" + controllerClass->category + "', not '" +
                       kVstComponentControllerClass + "'");
        } else if (auto controller = createAs<Vst::IEditController>(factory, controllerCid)) {
            ++separateControllers;
            if (controller->initialize(&host) != kResultOk) {
                faults.add(where + ": its controller refuses initialize()");
            } else {
                controller->terminate();
            }
        } else {
            faults.add(where + ": createInstance(IEditController) fails for its controller");
        }
    }
    component->terminate();
}

}  // namespace

CheckResult checkFactory(SuiteContext& context) {
    FaultList faults;
    const auto factory = context.module.factoryDescription();
    const auto classes = context.module.classes();
    if (classes.empty()) {
        faults.add("the factory has no classes");
    }
    int audioClasses = 0;
    int separateControllers = 0;
    std::set<std::string> classIds;
    for (const auto& description : classes) {
        const std::string where = "class " + cidText(description.cid);
        if (!classIds.insert(cidText(description.cid)).second) {
            faults.add(where + " is listed twice (class IDs must be unique)");
        }
        if (description.name.empty()) {
            faults.add(where + " has no name");
        }
        if (description.category.empty()) {
            faults.add(where + " ('" + description.name + "') has no category");
        }
        if (description.category != kVstAudioEffectClass) {
            continue;
        }
        ++audioClasses;
        if (factory.vendor.empty() && description.vendor.empty()) {
            faults.add("class '" + description.name + "' names no vendor, nor does the factory");
        }
        // Only PClassInfo2 has sub-categories; hosts sort plugins by them.
        if (!description.sdkVersion.empty() && description.subCategories.empty()) {
            faults.add("class '" + description.name +
                       "' has no sub-categories (hosts cannot tell an effect from an instrument)");
        }
        checkComponent(context.module.factory(), classes, description, context.host, faults,
                       separateControllers);
    }
    if (audioClasses == 0) {
        faults.add(std::string{"no class in category '"} + kVstAudioEffectClass + "'");
    }
    const auto& tested = context.audioClass;
    return faults.verdict(
        context, "factory",
        std::to_string(classes.size()) + " classes, " + std::to_string(audioClasses) + " audio (" +
            (separateControllers > 0 ? "separate controller" : "single component") +
            "); testing '" + tested.name + "' [" + tested.subCategories + "] by '" +
            (tested.vendor.empty() ? factory.vendor : tested.vendor) + "', version " +
            tested.version);
}

}  // namespace vstkit::host::conformance
