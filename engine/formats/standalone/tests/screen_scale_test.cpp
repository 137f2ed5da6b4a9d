#include "screen_scale.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vstkit::formats::standalone {
namespace {

TEST(ScreenScale, DpiBecomesQuarterStepsFromOneToFour) {
    EXPECT_EQ(scaleForDpi(96.0), 1.0F);
    EXPECT_EQ(scaleForDpi(120.0), 1.25F);
    EXPECT_EQ(scaleForDpi(144.0), 1.5F);
    EXPECT_EQ(scaleForDpi(168.0), 1.75F);
    EXPECT_EQ(scaleForDpi(192.0), 2.0F);
    EXPECT_EQ(scaleForDpi(288.0), 3.0F);
    EXPECT_EQ(scaleForDpi(100.0), 1.0F);   // 1.04 rounds down.
    EXPECT_EQ(scaleForDpi(200.0), 2.0F);   // 2.08 too.
    EXPECT_EQ(scaleForDpi(72.0), 1.0F);    // Never smaller than the design.
    EXPECT_EQ(scaleForDpi(1000.0), 4.0F);  // Never past the editor's range.
    EXPECT_EQ(scaleForDpi(0.0), 1.0F);
    EXPECT_EQ(scaleForDpi(-96.0), 1.0F);
    EXPECT_EQ(scaleForDpi(std::numeric_limits<double>::quiet_NaN()), 1.0F);
    EXPECT_EQ(scaleForDpi(std::numeric_limits<double>::infinity()), 1.0F);
}

TEST(ScreenScale, ReadsXftDpiFromTheResourceString) {
    EXPECT_EQ(scaleFromResources("Xft.dpi:\t192\n"), 2.0F);
    EXPECT_EQ(scaleFromResources("Xft.antialias:\t1\nXft.dpi:\t144\nXft.hinting:\t1\n"), 1.5F);
    EXPECT_EQ(scaleFromResources("Xft.dpi: 96\n"), 1.0F);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\t120.5\n"), 1.25F);
    EXPECT_EQ(scaleFromResources("*dpi: 192\n"), 2.0F);  // Xrm's wildcards apply.
}

TEST(ScreenScale, IgnoresAMissingOrMeaninglessXftDpi) {
    EXPECT_EQ(scaleFromResources(nullptr), std::nullopt);
    EXPECT_EQ(scaleFromResources(""), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.antialias:\t1\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\tlarge\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\t0\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\t-192\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\t192 dpi\n"), std::nullopt);
    EXPECT_EQ(scaleFromResources("Xft.dpi:\tnan\n"), std::nullopt);
}

TEST(ScreenScale, TrustsThePhysicalSizeOnlyForDenseScreens) {
    EXPECT_EQ(scaleFromPhysicalSize(3840, 344), 3.0F);          // A 15.6" 4K laptop panel, 284 dpi.
    EXPECT_EQ(scaleFromPhysicalSize(3840, 600), 1.75F);         // A 27" 4K monitor, 163 dpi.
    EXPECT_EQ(scaleFromPhysicalSize(1920, 508), std::nullopt);  // 96 dpi, as often made up.
    EXPECT_EQ(scaleFromPhysicalSize(2560, 542), std::nullopt);  // 120 dpi.
    EXPECT_EQ(scaleFromPhysicalSize(1920, 0), std::nullopt);    // No size reported.
    EXPECT_EQ(scaleFromPhysicalSize(0, 300), std::nullopt);
}

TEST(ScreenScale, ParsesAScaleAPersonChose) {
    EXPECT_EQ(parseScale("1.5"), 1.5F);
    EXPECT_EQ(parseScale("0.5"), 0.5F);
    EXPECT_EQ(parseScale("4"), 4.0F);
    for (const char* bad : {"", "0.49", "4.01", "-2", "two", "2 ", "nan", "inf", "1e0"}) {
        EXPECT_EQ(parseScale(bad), std::nullopt) << bad;
    }
}

}  // namespace
}  // namespace vstkit::formats::standalone
