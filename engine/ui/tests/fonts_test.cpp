#include "fonts.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <string>

#include "font_choice.h"

namespace vstkit::ui {
namespace {

constexpr float kBodySize = 13.0F;
constexpr float kLargeSize = 26.0F;

[[nodiscard]] float advance(ImFont& font, ImWchar character) {
    const ImFontGlyph* const glyph = font.FindGlyphNoFallback(character);
    return glyph != nullptr ? glyph->AdvanceX : -1.0F;
}

/// The test machine installs fonts-dejavu-core with the build packages.
TEST(Fonts, FontconfigFindsDejaVuSansBookAndBold) {
    const FontChoice choice = chooseFonts();
    ASSERT_TRUE(choice.body.found()) << "is fonts-dejavu-core installed?";
    ASSERT_TRUE(choice.values.found());
    EXPECT_EQ(std::filesystem::path{choice.body.path}.filename(), "DejaVuSans.ttf");
    EXPECT_EQ(std::filesystem::path{choice.values.path}.filename(), "DejaVuSans-Bold.ttf");
    EXPECT_TRUE(std::filesystem::is_regular_file(choice.body.path));
    EXPECT_TRUE(std::filesystem::is_regular_file(choice.values.path));
}

TEST(Fonts, TrueTypeFacesRasterizeAtTheScaledSizes) {
    ImFontAtlas atlas;
    const Fonts fonts = loadFonts(atlas, chooseFonts(), 2.0F * kBodySize, 2.0F * kLargeSize);
    ASSERT_TRUE(fonts.trueType) << describeFonts(fonts);
    ASSERT_NE(fonts.body, nullptr);
    ASSERT_NE(fonts.large, nullptr);
    EXPECT_TRUE(atlas.IsBuilt());
    EXPECT_EQ(fonts.body->FontSize, 2.0F * kBodySize);
    EXPECT_EQ(fonts.large->FontSize, 2.0F * kLargeSize);
    EXPECT_NE(describeFonts(fonts).find("DejaVuSans-Bold.ttf at 52 px"), std::string::npos)
        << describeFonts(fonts);
}

TEST(Fonts, ValueFiguresAreTabularSoChangingValuesDoNotJiggle) {
    ImFontAtlas atlas;
    const Fonts fonts = loadFonts(atlas, chooseFonts(), kBodySize, kLargeSize);
    ASSERT_TRUE(fonts.trueType);
    for (ImFont* font : {fonts.body, fonts.large}) {
        const float zero = advance(*font, '0');
        ASSERT_GT(zero, 0.0F);
        for (ImWchar digit = '1'; digit <= '9'; ++digit) {
            EXPECT_EQ(advance(*font, digit), zero) << static_cast<char>(digit);
        }
    }
}

TEST(Fonts, TheMinusSignAndNoBreakSpacesHaveGlyphs) {
    ImFontAtlas atlas;
    const Fonts fonts = loadFonts(atlas, chooseFonts(), kBodySize, kLargeSize);
    ASSERT_TRUE(fonts.trueType);
    // Minus sign, no-break spaces, micro, ohm, Latin-1 and Latin Extended-A letters.
    for (const ImWchar character :
         std::initializer_list<ImWchar>{0x2212, 0x00A0, 0x202F, 0x00B5, 0x03A9, 0x00E9, 0x0142}) {
        EXPECT_GT(advance(*fonts.body, character), 0.0F) << character;
        EXPECT_GT(advance(*fonts.large, character), 0.0F) << character;
    }
}

TEST(Fonts, WithoutTheFacesTheBuiltInFontStandsIn) {
    ImFontAtlas atlas;
    const Fonts fonts = loadFonts(atlas, FontChoice{}, kBodySize, kLargeSize);
    EXPECT_FALSE(fonts.trueType);
    ASSERT_NE(fonts.body, nullptr);
    ASSERT_NE(fonts.large, nullptr);
    EXPECT_TRUE(atlas.IsBuilt());
    EXPECT_EQ(fonts.large->FontSize, kLargeSize);
    EXPECT_EQ(describeFonts(fonts), "the built-in font (no TrueType font found)");
}

TEST(Fonts, AMissingOrBrokenFileFallsBackInsteadOfFailing) {
    const std::filesystem::path notAFont =
        std::filesystem::temp_directory_path() / ("vstkit_not_a_font_" + std::to_string(getpid()));
    if (std::FILE* file = std::fopen(notAFont.c_str(), "wb")) {
        std::fputs("this is no TrueType font, only text", file);
        std::fclose(file);
    }
    const FontChoice real = chooseFonts();
    for (const FontChoice& faces :
         {FontChoice{{"/nonexistent/DejaVuSans.ttf", 0}, {}}, FontChoice{{notAFont, 0}, {}},
          FontChoice{{"/dev/null", 0}, {}}, FontChoice{{"/", 0}, {}},
          FontChoice{{real.body.path, 3}, {}}, FontChoice{{notAFont, 0}, real.values}}) {
        ImFontAtlas atlas;
        const Fonts fonts = loadFonts(atlas, faces, kBodySize, kLargeSize);
        EXPECT_FALSE(fonts.trueType) << faces.body.path << " / " << faces.values.path;
        EXPECT_NE(fonts.body, nullptr);
        EXPECT_NE(fonts.large, nullptr);
        EXPECT_TRUE(atlas.IsBuilt());
    }
    std::filesystem::remove(notAFont);
}

TEST(Fonts, WithoutAUsableBoldFaceValuesUseTheBodyFace) {
    const FontChoice real = chooseFonts();
    ASSERT_TRUE(real.body.found());
    for (const FontFace& values : {FontFace{}, FontFace{"/nonexistent/DejaVuSans-Bold.ttf", 0}}) {
        ImFontAtlas atlas;
        const Fonts fonts = loadFonts(atlas, FontChoice{real.body, values}, kBodySize, kLargeSize);
        EXPECT_TRUE(fonts.trueType);
        EXPECT_EQ(fonts.faces.values.path, real.body.path);
    }
}

}  // namespace
}  // namespace vstkit::ui
