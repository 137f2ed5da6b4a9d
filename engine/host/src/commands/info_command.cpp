#include <cstdio>
#include <sstream>

#include "arguments.h"
#include "cid_text.h"
#if !defined(_WIN32)
#include "clap/clap_module.h"
#include "clap_info.h"
#endif
#include "commands.h"
#include "json_writer.h"
#include "platform/utf8_path.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "vst3/host_application.h"
#include "vst3/plugin_instance.h"
#include "vst3/strings.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

std::string flagsText(int32 flags) {
    std::string text;
    const auto add = [&](int32 bit, const char* name) {
        if ((flags & bit) != 0) {
            text += text.empty() ? name : std::string{"|"} + name;
        }
    };
    add(Vst::ParameterInfo::kCanAutomate, "automatable");
    add(Vst::ParameterInfo::kIsReadOnly, "read-only");
    add(Vst::ParameterInfo::kIsWrapAround, "wrap-around");
    add(Vst::ParameterInfo::kIsList, "list");
    add(Vst::ParameterInfo::kIsHidden, "hidden");
    add(Vst::ParameterInfo::kIsProgramChange, "program-change");
    add(Vst::ParameterInfo::kIsBypass, "bypass");
    return text.empty() ? "none" : text;
}

struct Bus {
    std::string direction;
    std::string name;
    int32 channels;
    bool main;
};

std::vector<Bus> audioBuses(Vst::IComponent& component) {
    std::vector<Bus> buses;
    for (const auto direction : {Vst::kInput, Vst::kOutput}) {
        const int32 count = component.getBusCount(Vst::kAudio, direction);
        for (int32 index = 0; index < count; ++index) {
            Vst::BusInfo info{};
            if (component.getBusInfo(Vst::kAudio, direction, index, info) == kResultOk) {
                buses.push_back({direction == Vst::kInput ? "input" : "output", toUtf8(info.name),
                                 info.channelCount, info.busType == Vst::kMain});
            }
        }
    }
    return buses;
}

}  // namespace

int runInfo(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"json"}, {}};
    const std::string bundle = parsed.onlyPositional("bundle");
#if !defined(_WIN32)
    if (isClapPath(bundle)) {
        return printClapInfo(bundle, parsed.has("json"));
    }
#endif
    const Module module{pathFromUtf8(bundle)};
    auto host = owned(new HostApplication);
    const PluginInstance instance{module, module.firstClassOf(kVstAudioEffectClass), *host};
    const auto factory = module.factoryDescription();
    const auto classes = module.classes();
    const auto buses = audioBuses(instance.component());
    const auto parameters = instance.parameters();

    std::ostringstream out;
    if (parsed.has("json")) {
        out << "{\n  \"bundle\": " << jsonString(utf8Of(module.bundlePath()))
            << ",\n  \"factory\": {\"vendor\": " << jsonString(factory.vendor)
            << ", \"url\": " << jsonString(factory.url)
            << ", \"email\": " << jsonString(factory.email) << "},\n  \"classes\": [";
        for (std::size_t i = 0; i < classes.size(); ++i) {
            const auto& c = classes[i];
            out << (i ? "," : "") << "\n    {\"cid\": " << jsonString(cidText(c.cid))
                << ", \"category\": " << jsonString(c.category)
                << ", \"name\": " << jsonString(c.name)
                << ", \"subCategories\": " << jsonString(c.subCategories)
                << ", \"vendor\": " << jsonString(c.vendor)
                << ", \"version\": " << jsonString(c.version)
                << ", \"sdkVersion\": " << jsonString(c.sdkVersion) << "}";
        }
        out << "\n  ],\n  \"buses\": [";
        for (std::size_t i = 0; i < buses.size(); ++i) {
            out << (i ? "," : "") << "\n    {\"direction\": " << jsonString(buses[i].direction)
                << ", \"name\": " << jsonString(buses[i].name)
                << ", \"channels\": " << buses[i].channels
                << ", \"main\": " << (buses[i].main ? "true" : "false") << "}";
        }
        out << "\n  ],\n  \"parameters\": [";
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const auto& p = parameters[i];
            out << (i ? "," : "") << "\n    {\"id\": " << p.id
                << ", \"title\": " << jsonString(toUtf8(p.title))
                << ", \"units\": " << jsonString(toUtf8(p.units))
                << ", \"default\": " << p.defaultNormalizedValue << ", \"defaultText\": "
                << jsonString(instance.textFromNormalized(p.id, p.defaultNormalizedValue))
                << ", \"stepCount\": " << p.stepCount
                << ", \"plainAt0\": " << instance.controller().normalizedParamToPlain(p.id, 0.0)
                << ", \"plainAtHalf\": " << instance.controller().normalizedParamToPlain(p.id, 0.5)
                << ", \"plainAt1\": " << instance.controller().normalizedParamToPlain(p.id, 1.0)
                << ", \"flags\": " << jsonString(flagsText(p.flags)) << "}";
        }
        out << "\n  ]\n}\n";
    } else {
        out << "bundle   " << utf8Of(module.bundlePath()) << "\nfactory  vendor '" << factory.vendor
            << "', url '" << factory.url << "'\n";
        for (const auto& c : classes) {
            out << "class    " << c.category << ": '" << c.name << "' [" << c.subCategories
                << "] vendor '" << c.vendor << "' version " << c.version << " (" << c.sdkVersion
                << ") cid " << cidText(c.cid) << "\n";
        }
        for (const auto& bus : buses) {
            out << "bus      audio " << bus.direction << " '" << bus.name << "' " << bus.channels
                << " ch" << (bus.main ? " (main)" : "") << "\n";
        }
        for (const auto& p : parameters) {
            out << "param    " << p.id << " '" << toUtf8(p.title) << "' units '" << toUtf8(p.units)
                << "' default " << p.defaultNormalizedValue << " ("
                << instance.textFromNormalized(p.id, p.defaultNormalizedValue) << ") steps "
                << p.stepCount << " flags " << flagsText(p.flags) << "\n";
        }
    }
    std::fputs(out.str().c_str(), stdout);
    return 0;
}

}  // namespace vstkit::host
