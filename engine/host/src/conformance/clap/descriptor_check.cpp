#include <cctype>
#include <cstring>
#include <set>
#include <string_view>

#include "clap/clap_instance.h"
#include "clap_check.h"
#include "conformance/fault_list.h"
#include "conformance/isolated_run.h"

namespace vstkit::host::conformance {

namespace {

/// "com.vendor.plugin": at least two dot-separated parts, each non-empty,
/// of letters, digits, '-' and '_'.
bool isReverseDomain(std::string_view id) {
    if (id.empty() || id.find('.') == std::string_view::npos) {
        return false;
    }
    std::size_t partLength = 0;
    for (const char c : id) {
        if (c == '.') {
            if (partLength == 0) {
                return false;
            }
            partLength = 0;
        } else if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_') {
            ++partLength;
        } else {
            return false;
        }
    }
    return partLength > 0;
}

bool present(const char* text) {
    return text != nullptr && *text != '\0';
}

/// The descriptor's faults; its features as text.
std::string checkDescriptor(const clap_abi::PluginDescriptor& descriptor, FaultList& faults) {
    const std::string who =
        std::string{"descriptor '"} + (descriptor.id != nullptr ? descriptor.id : "(null)") + "'";
    if (!clap_abi::isCompatible(descriptor.clapVersion)) {
        faults.add(who + " says CLAP " + versionText(descriptor.clapVersion) +
                   ", not compatible with 1.x");
    }
    if (descriptor.id == nullptr || !isReverseDomain(descriptor.id)) {
        faults.add(who + ": the id is not reverse-domain style (e.g. com.vendor.plugin)");
    }
    for (const auto& [field, text] :
         {std::pair{"name", descriptor.name}, std::pair{"vendor", descriptor.vendor},
          std::pair{"version", descriptor.version}}) {
        if (!present(text)) {
            faults.add(who + " has no " + field);
        }
    }
    std::string features;
    bool audioEffect = false;
    if (descriptor.features == nullptr || descriptor.features[0] == nullptr) {
        faults.add(who + " lists no features (hosts file plugins by them)");
        return "no features";
    }
    constexpr int kMaxFeatures = 64;
    int count = 0;
    for (const char* const* feature = descriptor.features; *feature != nullptr; ++feature) {
        if (++count > kMaxFeatures) {
            faults.add(who + ": more than " + std::to_string(kMaxFeatures) +
                       " features (is the list null-terminated?)");
            break;
        }
        features += (features.empty() ? "" : ", ") + std::string{*feature};
        audioEffect = audioEffect || std::strcmp(*feature, "audio-effect") == 0;
    }
    if (!audioEffect) {
        faults.add(who + "'s features [" + features + "] do not include \"audio-effect\"");
    }
    return features;
}

}  // namespace

CheckResult checkClapDescriptor(ClapSuiteContext& context) {
    FaultList faults;
    const auto& entry = context.module.entry();
    if (!clap_abi::isCompatible(entry.clapVersion)) {
        faults.add("clap_entry says CLAP " + versionText(entry.clapVersion));
    }
    const auto& factory = context.module.factory();
    const std::uint32_t count = factory.getPluginCount(&factory);
    if (count == 0) {
        return CheckResult::fail("the plugin factory lists no plugin (get_plugin_count is 0)");
    }
    std::set<std::string> ids;
    std::string features;
    for (std::uint32_t index = 0; index < count; ++index) {
        reportStep("reading descriptor " + std::to_string(index));
        const auto* descriptor = factory.getPluginDescriptor(&factory, index);
        if (descriptor == nullptr) {
            faults.add("get_plugin_descriptor(" + std::to_string(index) + ") returns null, of " +
                       std::to_string(count));
            continue;
        }
        const std::string text = checkDescriptor(*descriptor, faults);
        if (descriptor->id != nullptr &&
            std::strcmp(descriptor->id, context.module.descriptor(context.pluginId).id) == 0) {
            features = text;
        }
        if (descriptor->id != nullptr && !ids.insert(descriptor->id).second) {
            faults.add(std::string{"two descriptors share the id '"} + descriptor->id + "'");
        }
    }
    if (factory.getPluginDescriptor(&factory, count) != nullptr) {
        faults.add("get_plugin_descriptor(" + std::to_string(count) +
                   ") past the end returns a descriptor, not null");
    }

    reportStep("creating a plugin with an unknown id");
    ClapHost host;
    if (const auto* stray =
            factory.createPlugin(&factory, host.clapHost(), "org.vstkit-host.no-such-plugin")) {
        faults.add("create_plugin with an unknown id returns a plugin, not null");
        stray->destroy(stray);
    }
    reportStep("creating and initializing each plugin");
    for (const auto& id : ids) {
        try {
            const ClapInstance instance{context.module, id};
            if (instance.plugin().desc == nullptr ||
                std::strcmp(instance.plugin().desc->id, id.c_str()) != 0) {
                faults.add("the plugin created for '" + id +
                           "' carries another descriptor (clap_plugin.desc)");
            }
        } catch (const std::exception& error) {
            faults.add(error.what());
        }
    }
    const auto& tested = context.module.descriptor(context.pluginId);
    return faults.verdict(context.outputDirectory, "descriptor",
                          "CLAP " + versionText(entry.clapVersion) + ", " + std::to_string(count) +
                              " plugin(s); '" + tested.id + "' " + tested.name + " by " +
                              tested.vendor + " " + tested.version + " [" + features +
                              "]; unknown id refused; init succeeds");
}

}  // namespace vstkit::host::conformance
