#include "check.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "pluginterfaces/vst/ivsteditcontroller.h"

namespace vstkit::host::conformance {

CheckResult checkFactory(SuiteContext& context) {
    const auto factory = context.module.factoryDescription();
    const auto classes = context.module.classes();
    std::vector<ClassDescription> effects;
    int controllers = 0;
    for (const auto& description : classes) {
        if (description.category == kVstAudioEffectClass) {
            effects.push_back(description);
        } else if (description.category == kVstComponentControllerClass) {
            ++controllers;
        }
    }
    if (effects.size() != 1) {
        return CheckResult::fail(std::to_string(effects.size()) +
                                 " audio effect classes, expected exactly 1");
    }
    const auto& effect = effects.front();
    if (effect.name != "VstKit") {
        return CheckResult::fail("the effect class is named '" + effect.name +
                                 "', expected 'VstKit'");
    }
    if (effect.subCategories.find("Fx") == std::string::npos) {
        return CheckResult::fail("sub-categories '" + effect.subCategories + "' lack Fx");
    }
    if (effect.subCategories.find("Instrument") != std::string::npos) {
        return CheckResult::fail("an effect must not be categorised as an instrument");
    }
    if (controllers < 1) {
        return CheckResult::fail("no edit controller class");
    }
    if (factory.vendor.empty() || effect.vendor.empty() || effect.version.empty()) {
        return CheckResult::fail("vendor or version is empty");
    }
    return CheckResult::pass("one effect 'VstKit' [" + effect.subCategories + "], " +
                             std::to_string(controllers) + " controller, vendor '" + effect.vendor +
                             "', version " + effect.version);
}

}  // namespace vstkit::host::conformance
