#include "fonts.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace vstkit::ui {
namespace {

/// Latin-1 and Latin Extended-A for names, labels and units (µ, °, ł),
/// Greek capitals for units such as Ω, the spaces, dashes and quotes of
/// General Punctuation, and every minus sign the value parser takes, so typed
/// text shows as typed. Kept to what a parameter row needs: every glyph is in
/// each open editor's atlas. Static: the atlas keeps the pointer.
constexpr std::array<ImWchar, 17> kGlyphRanges = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x0391, 0x03A9,  // Greek capitals (Ω)
    0x2000, 0x202F,  // Spaces, dashes, quotes, ellipsis, narrow no-break space
    0x2212, 0x2212,  // Minus sign
    0xFE63, 0xFE63,  // Small hyphen-minus
    0xFF0D, 0xFF0D,  // Fullwidth hyphen-minus
    0,
};

/// Horizontal oversampling places glyphs at sub-pixel positions, which small
/// text needs to look even. From this size on the pixels alone are fine, and
/// no oversampling keeps the atlas small at large content scales.
constexpr float kOversampleBelowPixels = 20.0F;
constexpr int kOversampleH = 2;
/// A font file larger than this is no UI font (DejaVu Sans is under 1 MB).
constexpr long kMaxFontFileBytes = 64L << 20;

[[nodiscard]] std::uint32_t bigEndian32(const unsigned char* bytes) noexcept {
    return (std::uint32_t{bytes[0]} << 24U) | (std::uint32_t{bytes[1]} << 16U) |
           (std::uint32_t{bytes[2]} << 8U) | std::uint32_t{bytes[3]};
}

/// Whether stb_truetype will find face `index` in these bytes. ImGui asserts
/// (and Debian's libimgui keeps its asserts) when it does not, so check first.
[[nodiscard]] bool holdsFace(const unsigned char* bytes, std::size_t size, int index) noexcept {
    if (size < 12) {
        return false;
    }
    const std::uint32_t tag = bigEndian32(bytes);
    if (tag == 0x74746366U) {  // "ttcf": a collection, with its face count at byte 8.
        const std::uint32_t version = bigEndian32(bytes + 4);
        return (version == 0x00010000U || version == 0x00020000U) &&
               static_cast<std::uint32_t>(index) < bigEndian32(bytes + 8);
    }
    // TrueType outlines, Apple's "true", or CFF outlines ("OTTO").
    return index == 0 && (tag == 0x00010000U || tag == 0x74727565U || tag == 0x4F54544FU);
}

/// A font file's bytes, or empty when it cannot be read or holds no such face.
[[nodiscard]] std::vector<unsigned char> readFontFile(const FontFace& face) {
    std::vector<unsigned char> bytes;
    std::FILE* const file = std::fopen(face.path.c_str(), "rb");
    if (file == nullptr) {
        return bytes;
    }
    const long size = std::fseek(file, 0, SEEK_END) == 0 ? std::ftell(file) : -1L;
    if (size > 0 && size <= kMaxFontFileBytes && std::fseek(file, 0, SEEK_SET) == 0) {
        bytes.resize(static_cast<std::size_t>(size));
        if (std::fread(bytes.data(), 1, bytes.size(), file) != bytes.size() ||
            !holdsFace(bytes.data(), bytes.size(), face.index)) {
            bytes.clear();
        }
    }
    std::fclose(file);
    return bytes;
}

/// Each face's bytes, read once per process and kept: every editor opened
/// later shares them instead of reading and freeing a megabyte each time.
[[nodiscard]] const std::vector<unsigned char>& fontFile(const FontFace& face) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, int>, std::vector<unsigned char>> files;
    const std::lock_guard lock{mutex};
    const auto key = std::pair{face.path, face.index};
    auto found = files.find(key);
    if (found == files.end()) {
        found = files.emplace(key, readFontFile(face)).first;
    }
    return found->second;
}

[[nodiscard]] ImFont* addTrueTypeFont(ImFontAtlas& atlas, const FontFace& face, float size) {
    const auto& bytes = fontFile(face);
    if (bytes.empty()) {
        return nullptr;
    }
    ImFontConfig config;
    config.FontNo = face.index;
    config.OversampleH = size < kOversampleBelowPixels ? kOversampleH : 1;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    // The bytes are the process's (fontFile): the atlas reads them, never frees them.
    config.FontDataOwnedByAtlas = false;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()), size, &config,
                                      kGlyphRanges.data());
}

[[nodiscard]] ImFont* addDefaultFont(ImFontAtlas& atlas, float size) {
    ImFontConfig config;
    config.SizePixels = size;
    // A pixel font: oversampling would only blur it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontDefault(&config);
}

/// fontconfig is asked once per process: the faces installed rarely change
/// while a host runs, and a rescale should not wait for it.
[[nodiscard]] const FontChoice& installedFaces() {
    static const FontChoice faces = chooseFonts();
    return faces;
}

[[nodiscard]] std::string describeFont(const ImFont* font, const FontFace& face) {
    const std::string size =
        font != nullptr ? std::to_string(static_cast<int>(font->FontSize)) + " px" : "?";
    return face.path + (face.index != 0 ? " #" + std::to_string(face.index) : "") + " at " + size;
}

}  // namespace

Fonts loadFonts(ImFontAtlas& atlas, float bodySize, float largeSize) {
    return loadFonts(atlas, installedFaces(), bodySize, largeSize);
}

Fonts loadFonts(ImFontAtlas& atlas, const FontChoice& faces, float bodySize, float largeSize) {
    // Without a usable bold face the values share the body's.
    const std::array<FontChoice, 2> attempts = {FontChoice{faces.body, faces.values},
                                                FontChoice{faces.body, faces.body}};
    for (const FontChoice& attempt : attempts) {
        if (!attempt.body.found() || !attempt.values.found()) {
            continue;
        }
        atlas.Clear();
        Fonts fonts;
        fonts.body = addTrueTypeFont(atlas, attempt.body, bodySize);
        fonts.large =
            fonts.body != nullptr ? addTrueTypeFont(atlas, attempt.values, largeSize) : nullptr;
        if (fonts.large != nullptr && atlas.Build()) {
            fonts.trueType = true;
            fonts.faces = attempt;
            return fonts;
        }
    }
    atlas.Clear();
    Fonts fonts;
    fonts.body = addDefaultFont(atlas, bodySize);
    fonts.large = addDefaultFont(atlas, largeSize);
    atlas.Build();
    return fonts;
}

std::string describeFonts(const Fonts& fonts) {
    if (!fonts.trueType) {
        return "the built-in font (no TrueType font found)";
    }
    return "labels " + describeFont(fonts.body, fonts.faces.body) + ", values " +
           describeFont(fonts.large, fonts.faces.values);
}

}  // namespace vstkit::ui
