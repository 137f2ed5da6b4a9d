#pragma once

#include <string_view>

namespace vstkit::formats::lv2 {

/// Who the plugin is, as LV2 hosts see it. The URI is in every saved session
/// and preset: once released, never change it. The port symbols come from the
/// parameter table's stable ids and are just as permanent.
struct PluginIdentity {
    /// The plugin's URI; its editor is "<uri>:UI".
    std::string_view uri;
    std::string_view name;
    std::string_view vendor;
    std::string_view homepage;
    std::string_view description;
    /// An lv2:Plugin subclass without the prefix, e.g. "AmplifierPlugin".
    std::string_view pluginClass;
    /// lv2:minorVersion and lv2:microVersion; hosts prefer the higher.
    int minorVersion;
    int microVersion;
};

/// Defined once by the plugin the bundle is built for (its identity file).
[[nodiscard]] const PluginIdentity& pluginIdentity() noexcept;

}  // namespace vstkit::formats::lv2
