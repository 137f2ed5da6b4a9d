#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace vstkit::host {

/// vstkit-host works in UTF-8 text: its arguments (wmain converts them on
/// Windows) and its messages. A path made from a std::string on Windows
/// would be read in the ANSI code page instead, and lose every character
/// outside it; these go through char8_t, which is UTF-8 on every system.
[[nodiscard]] inline std::filesystem::path pathFromUtf8(std::string_view text) {
    return std::filesystem::path{std::u8string(text.begin(), text.end())};
}

/// The path as UTF-8 text, for messages, JSON and file names.
[[nodiscard]] inline std::string utf8Of(const std::filesystem::path& path) {
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

}  // namespace vstkit::host
