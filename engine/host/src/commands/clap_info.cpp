#include "clap_info.h"

#include <cstdio>
#include <sstream>

#include "clap/clap_instance.h"
#include "clap/clap_module.h"
#include "json_writer.h"

namespace vstkit::host {

namespace {

std::string flagsText(std::uint32_t flags) {
    std::string text;
    const auto add = [&](std::uint32_t bit, const char* name) {
        if ((flags & bit) != 0) {
            text += text.empty() ? name : std::string{"|"} + name;
        }
    };
    add(clap_abi::kParamIsAutomatable, "automatable");
    add(clap_abi::kParamIsModulatable, "modulatable");
    add(clap_abi::kParamIsStepped, "stepped");
    add(clap_abi::kParamIsEnum, "enum");
    add(clap_abi::kParamIsPeriodic, "periodic");
    add(clap_abi::kParamIsHidden, "hidden");
    add(clap_abi::kParamIsReadonly, "read-only");
    add(clap_abi::kParamIsBypass, "bypass");
    add(clap_abi::kParamRequiresProcess, "requires-process");
    return text.empty() ? "none" : text;
}

std::vector<std::string> featuresOf(const clap_abi::PluginDescriptor& descriptor) {
    std::vector<std::string> features;
    for (const char* const* feature = descriptor.features;
         feature != nullptr && *feature != nullptr; ++feature) {
        features.emplace_back(*feature);
    }
    return features;
}

std::string text(const char* value) {
    return value != nullptr ? value : "";
}

}  // namespace

int printClapInfo(const std::filesystem::path& path, bool json) {
    const ClapModule module{path};
    const auto descriptors = module.descriptors();
    ClapInstance instance{module};
    const ClapPorts ports = instance.readPorts();
    const auto& parameters = instance.parameters();
    const auto defaultText = [&](const clap_abi::ParamInfo& p) {
        return instance.valueToText(p.id, p.defaultValue).value_or("");
    };
    struct Port {
        const char* direction;
        const clap_abi::AudioPortInfo* info;
    };
    std::vector<Port> allPorts;
    for (const auto& port : ports.inputs) {
        allPorts.push_back({"input", &port});
    }
    for (const auto& port : ports.outputs) {
        allPorts.push_back({"output", &port});
    }

    std::ostringstream out;
    if (json) {
        out << "{\n  \"file\": " << jsonString(module.path().string())
            << ",\n  \"clapVersion\": " << jsonString(versionText(module.entry().clapVersion))
            << ",\n  \"plugins\": [";
        for (std::size_t i = 0; i < descriptors.size(); ++i) {
            const auto& d = *descriptors[i];
            out << (i ? "," : "") << "\n    {\"id\": " << jsonString(text(d.id))
                << ", \"name\": " << jsonString(text(d.name))
                << ", \"vendor\": " << jsonString(text(d.vendor))
                << ", \"version\": " << jsonString(text(d.version))
                << ", \"url\": " << jsonString(text(d.url))
                << ", \"description\": " << jsonString(text(d.description)) << ", \"features\": [";
            const auto features = featuresOf(d);
            for (std::size_t f = 0; f < features.size(); ++f) {
                out << (f ? ", " : "") << jsonString(features[f]);
            }
            out << "]}";
        }
        out << "\n  ],\n  \"ports\": [";
        for (std::size_t i = 0; i < allPorts.size(); ++i) {
            const auto& port = *allPorts[i].info;
            out << (i ? "," : "") << "\n    {\"direction\": " << jsonString(allPorts[i].direction)
                << ", \"id\": " << port.id << ", \"name\": " << jsonString(port.name)
                << ", \"channels\": " << port.channelCount
                << ", \"type\": " << jsonString(text(port.portType)) << ", \"main\": "
                << ((port.flags & clap_abi::kAudioPortIsMain) != 0 ? "true" : "false") << "}";
        }
        out << "\n  ],\n  \"parameters\": [";
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const auto& p = parameters[i];
            out << (i ? "," : "") << "\n    {\"id\": " << p.id
                << ", \"name\": " << jsonString(p.name) << ", \"module\": " << jsonString(p.module)
                << ", \"min\": " << p.minValue << ", \"max\": " << p.maxValue
                << ", \"default\": " << p.defaultValue
                << ", \"defaultText\": " << jsonString(defaultText(p))
                << ", \"flags\": " << jsonString(flagsText(p.flags)) << "}";
        }
        out << "\n  ]\n}\n";
    } else {
        out << "file     " << module.path().string() << "\nentry    CLAP "
            << versionText(module.entry().clapVersion) << "\n";
        for (const auto* d : descriptors) {
            out << "plugin   '" << text(d->name) << "' id " << text(d->id) << " vendor '"
                << text(d->vendor) << "' version " << text(d->version) << " [";
            const auto features = featuresOf(*d);
            for (std::size_t f = 0; f < features.size(); ++f) {
                out << (f ? ", " : "") << features[f];
            }
            out << "]\n";
        }
        for (const auto& port : allPorts) {
            out << "port     audio " << port.direction << " '" << port.info->name << "' "
                << port.info->channelCount << " ch " << text(port.info->portType)
                << ((port.info->flags & clap_abi::kAudioPortIsMain) != 0 ? " (main)" : "") << "\n";
        }
        for (const auto& p : parameters) {
            out << "param    " << p.id << " '" << p.name << "' " << p.minValue << " to "
                << p.maxValue << " default " << p.defaultValue << " (" << defaultText(p)
                << ") flags " << flagsText(p.flags) << "\n";
        }
    }
    std::fputs(out.str().c_str(), stdout);
    return 0;
}

}  // namespace vstkit::host
