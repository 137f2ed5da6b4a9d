#include "file_archive.h"

#include <array>
#include <utility>

namespace vstkit::ui::helper {

namespace {

std::optional<std::uint32_t> readLength(std::span<const std::uint8_t> bytes, std::size_t& at) {
    if (bytes.size() - at < 4) {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) {
        value = (value << 8U) | bytes[at + static_cast<std::size_t>(i)];
    }
    at += 4;
    return value;
}

}  // namespace

FileArchive::FileArchive(std::span<const std::uint8_t> bytes) {
    std::size_t at = 0;
    while (at < bytes.size()) {
        const auto pathLength = readLength(bytes, at);
        if (!pathLength || bytes.size() - at < *pathLength) {
            files_.clear();
            return;
        }
        std::string path(reinterpret_cast<const char*>(bytes.data() + at), *pathLength);
        at += *pathLength;
        const auto dataLength = readLength(bytes, at);
        if (!dataLength || bytes.size() - at < *dataLength) {
            files_.clear();
            return;
        }
        files_.emplace(std::move(path), bytes.subspan(at, *dataLength));
        at += *dataLength;
    }
}

std::optional<std::span<const std::uint8_t>> FileArchive::find(std::string_view path) const {
    const auto file = files_.find(path);
    if (file == files_.end()) {
        return std::nullopt;
    }
    return file->second;
}

std::string_view mimeTypeOf(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypes{{
        {".html", "text/html"},
        {".js", "text/javascript"},
        {".mjs", "text/javascript"},
        {".css", "text/css"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".wasm", "application/wasm"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (path.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

}  // namespace vstkit::ui::helper
