// moduleinfo.json as described by the VST 3 SDK's module info format
// (3.7.5+): hosts read it instead of loading the module to learn its classes.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "arguments.h"
#include "cid_text.h"
#include "commands.h"
#include "json_writer.h"
#include "platform/utf8_path.h"
#include "vst3/host_error.h"
#include "vst3/module.h"

namespace vstkit::host {

namespace {

std::string subCategoriesArray(const std::string& joined) {
    std::string out = "[";
    std::size_t start = 0;
    bool first = true;
    while (start <= joined.size() && !joined.empty()) {
        const std::size_t bar = joined.find('|', start);
        const std::string part =
            joined.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        out += (first ? "" : ", ") + jsonString(part);
        first = false;
        if (bar == std::string::npos) {
            break;
        }
        start = bar + 1;
    }
    return out + "]";
}

}  // namespace

int runModuleInfo(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"stdout"}, {}};
    const Module module{pathFromUtf8(parsed.onlyPositional("bundle"))};
    const auto factory = module.factoryDescription();
    const auto classes = module.classes();
    const std::string version = classes.empty() ? "" : classes.front().version;

    std::ostringstream json;
    json << "{\n  \"Name\": " << jsonString(utf8Of(module.bundlePath().stem()))
         << ",\n  \"Version\": " << jsonString(version)
         << ",\n  \"Factory Info\": {\n    \"Vendor\": " << jsonString(factory.vendor)
         << ",\n    \"URL\": " << jsonString(factory.url)
         << ",\n    \"E-Mail\": " << jsonString(factory.email)
         << ",\n    \"Flags\": {\n      \"Unicode\": "
         << ((factory.flags & Steinberg::PFactoryInfo::kUnicode) != 0 ? "true" : "false")
         << ",\n      \"Classes Discardable\": "
         << ((factory.flags & Steinberg::PFactoryInfo::kClassesDiscardable) != 0 ? "true" : "false")
         << ",\n      \"Component Non Discardable\": "
         << ((factory.flags & Steinberg::PFactoryInfo::kComponentNonDiscardable) != 0 ? "true"
                                                                                      : "false")
         << "\n    }\n  },\n  \"Compatibility\": [],\n  \"Classes\": [";
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto& c = classes[i];
        json << (i ? "," : "") << "\n    {\n      \"CID\": " << jsonString(cidText(c.cid))
             << ",\n      \"Category\": " << jsonString(c.category)
             << ",\n      \"Name\": " << jsonString(c.name)
             << ",\n      \"Vendor\": " << jsonString(c.vendor)
             << ",\n      \"Version\": " << jsonString(c.version)
             << ",\n      \"SDKVersion\": " << jsonString(c.sdkVersion)
             << ",\n      \"Sub Categories\": " << subCategoriesArray(c.subCategories)
             << ",\n      \"Class Flags\": " << c.classFlags
             << ",\n      \"Cardinality\": " << c.cardinality
             << ",\n      \"Snapshots\": []\n    }";
    }
    json << "\n  ]\n}\n";

    if (parsed.has("stdout")) {
        std::fputs(json.str().c_str(), stdout);
        return 0;
    }
    const auto resources = module.bundlePath() / "Contents" / "Resources";
    std::filesystem::create_directories(resources);
    const auto path = resources / "moduleinfo.json";
    std::ofstream file{path};
    file << json.str();
    if (!file) {
        throw HostError("cannot write " + utf8Of(path));
    }
    std::printf("wrote %s\n", utf8Of(path).c_str());
    return 0;
}

}  // namespace vstkit::host
