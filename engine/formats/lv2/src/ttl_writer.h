#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "vstkit/core/audio_facts.h"
#include "vstkit/protocol/param_spec.h"

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
/// row, with range, default, unit and port properties: lv2:integer for stepped
/// rows, lv2:enumeration and one scale point per label for choices,
/// lv2:toggled, pprops:logarithmic) and the UI. Written
/// from the plugin's identity and parameter table at build time, so nothing
/// in it is written twice by hand.
void writePluginDescription(std::ostream& out, const BundleFiles& files);

/// The same for any parameter table (one control port per row, in order)
/// and audio facts (the first layout's audio ports, a latency port).
void writePluginDescription(std::ostream& out, const BundleFiles& files,
                            std::span<const protocol::ParamSpec> table,
                            const core::AudioFacts& audio);

}  // namespace vstkit::formats::lv2
