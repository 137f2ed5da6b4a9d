#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

#include <memory>
#include <string_view>

#include "font_choice.h"

namespace vstkit::ui {
namespace {

constexpr std::string_view kFamily = "DejaVu Sans";

struct PatternDeleter {
    void operator()(FcPattern* pattern) const noexcept { FcPatternDestroy(pattern); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

[[nodiscard]] const FcChar8* fcText(std::string_view text) noexcept {
    return reinterpret_cast<const FcChar8*>(text.data());
}

/// fontconfig always answers with its nearest font, perhaps another family or
/// a bitmap one: only the family asked for, upright, at normal width, in a
/// format stb_truetype reads, counts as found.
[[nodiscard]] bool isTheFaceAskedFor(const FcPattern& match, int minWeight, int maxWeight) {
    bool familyMatches = false;
    FcChar8* family = nullptr;
    for (int n = 0; FcPatternGetString(&match, FC_FAMILY, n, &family) == FcResultMatch; ++n) {
        familyMatches = familyMatches || FcStrCmpIgnoreCase(family, fcText(kFamily)) == 0;
    }
    int weight = -1;
    int slant = -1;
    int width = FC_WIDTH_NORMAL;
    FcChar8* format = nullptr;
    FcBool variable = FcFalse;
    FcPatternGetBool(&match, FC_VARIABLE, 0, &variable);
    FcPatternGetInteger(&match, FC_WIDTH, 0, &width);
    return familyMatches && variable == FcFalse &&
           FcPatternGetInteger(&match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
           weight >= minWeight && weight <= maxWeight &&
           FcPatternGetInteger(&match, FC_SLANT, 0, &slant) == FcResultMatch &&
           slant == FC_SLANT_ROMAN && width == FC_WIDTH_NORMAL &&
           FcPatternGetString(&match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
           (FcStrCmp(format, fcText("TrueType")) == 0 || FcStrCmp(format, fcText("CFF")) == 0);
}

/// The installed file of kFamily at `weight`, or an empty face.
[[nodiscard]] FontFace findFace(int weight, int minWeight, int maxWeight) {
    // The current configuration, shared with the host: fontconfig is
    // initialised on first use and never finalised here.
    const Pattern pattern{FcPatternCreate()};
    if (!pattern) {
        return {};
    }
    FcPatternAddString(pattern.get(), FC_FAMILY, fcText(kFamily));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern.get(), FC_WIDTH, FC_WIDTH_NORMAL);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    if (FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern) == FcFalse) {
        return {};
    }
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    const Pattern match{FcFontMatch(nullptr, pattern.get(), &result)};
    if (!match || result != FcResultMatch || !isTheFaceAskedFor(*match, minWeight, maxWeight)) {
        return {};
    }
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || file == nullptr) {
        return {};
    }
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    // The upper bits name an instance of a variable font, which stb_truetype cannot draw.
    if (index < 0 || index > 0xFFFF) {
        return {};
    }
    return FontFace{reinterpret_cast<const char*>(file), index};
}

/// fontconfig keeps the configuration it parsed for the whole process, and
/// the host may use it too: it must outlive the plugin module that loaded it
/// (unloading it with the module would lose that state, and the next editor
/// would parse the configuration again). RTLD_NOLOAD only marks the library
/// already loaded as never to be unloaded.
void keepFontconfigLoaded() noexcept {
    static const bool pinned = [] {
        void* handle = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
        if (handle != nullptr) {
            dlclose(handle);
        }
        return handle != nullptr;
    }();
    static_cast<void>(pinned);
}

}  // namespace

FontChoice chooseFonts() {
    keepFontconfigLoaded();
    FontChoice choice;
    choice.body = findFace(FC_WEIGHT_REGULAR, FC_WEIGHT_BOOK, FC_WEIGHT_MEDIUM);
    choice.values = findFace(FC_WEIGHT_BOLD, FC_WEIGHT_DEMIBOLD, FC_WEIGHT_EXTRABOLD);
    return choice;
}

}  // namespace vstkit::ui
