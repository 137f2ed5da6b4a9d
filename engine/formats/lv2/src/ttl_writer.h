#pragma once

#include <ostream>
#include <string_view>

namespace vstkit::formats::lv2 {

/// The file names a bundle's TTL refers to, relative to the bundle.
struct BundleFiles {
    std::string_view pluginBinary;
    std::string_view uiBinary;
    std::string_view pluginTtl;
};

/// manifest.ttl: what a host reads at scan time to find the plugin and its UI.
void writeManifest(std::ostream& out, const BundleFiles& files);

/// The plugin's description: identity, ports (one control port per table
/// row, with range, default, unit and port properties) and the UI. Written
/// from pluginIdentity() and the parameter table at build time, so nothing
/// in it is written twice by hand.
void writePluginDescription(std::ostream& out, const BundleFiles& files);

}  // namespace vstkit::formats::lv2
