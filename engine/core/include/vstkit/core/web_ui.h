#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace vstkit::core {

/// One file of a plugin's web editor page, packed into the plugin binary.
struct WebUiFile {
    /// Relative to the page's root, e.g. "index.html", "assets/index-1a2b.js".
    std::string_view path;
    std::span<const std::uint8_t> bytes;
};

/// A plugin's web editor (vstkit_add_plugin(... WEB_UI folder)): the built
/// page and the size it is designed for, in CSS pixels at scale 1.
struct WebUi {
    std::span<const WebUiFile> files;
    int width = 0;
    int height = 0;
};

}  // namespace vstkit::core
