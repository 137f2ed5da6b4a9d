// Build-time tool: writes an LV2 bundle's manifest.ttl and plugin description
// from the plugin's identity and parameter table.
//
// Usage: write_ttl BUNDLE_DIR PLUGIN_BINARY UI_BINARY PLUGIN_TTL
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>

#include "ttl_writer.h"

namespace {

bool writeFile(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    std::ofstream out{path, std::ios::trunc};
    write(out);
    out.close();
    if (!out) {
        std::fprintf(stderr, "write_ttl: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: write_ttl BUNDLE_DIR PLUGIN_BINARY UI_BINARY PLUGIN_TTL\n");
        return 2;
    }
    const std::filesystem::path bundle{argv[1]};
    const vstkit::formats::lv2::BundleFiles files{argv[2], argv[3], argv[4]};
    std::error_code error;
    std::filesystem::create_directories(bundle, error);
    const bool ok =
        writeFile(bundle / "manifest.ttl",
                  [&](std::ostream& out) { vstkit::formats::lv2::writeManifest(out, files); }) &&
        writeFile(bundle / argv[4], [&](std::ostream& out) {
            vstkit::formats::lv2::writePluginDescription(out, files);
        });
    return ok ? 0 : 1;
}
