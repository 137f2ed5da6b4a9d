#include "remembered_values.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::formats::standalone {
namespace {

constexpr auto kGain = protocol::testing::kGain;

/// A fresh folder per test, removed afterwards.
class RememberedValuesFile : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "vstkit-remembered-XXXXXX");
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        folder_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    std::filesystem::path folder_;
};

TEST(RememberedValuesPath, FollowsXdgConfigHomeThenHome) {
    EXPECT_EQ(rememberedValuesPath("App", "/xdg", "/home/me"),
              std::filesystem::path{"/xdg/vstkit/App.state"});
    EXPECT_EQ(rememberedValuesPath("App", nullptr, "/home/me"),
              std::filesystem::path{"/home/me/.config/vstkit/App.state"});
    // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    EXPECT_EQ(rememberedValuesPath("App", "relative", "/home/me"),
              std::filesystem::path{"/home/me/.config/vstkit/App.state"});
    EXPECT_EQ(rememberedValuesPath("App", "", "/home/me"),
              std::filesystem::path{"/home/me/.config/vstkit/App.state"});
    EXPECT_FALSE(rememberedValuesPath("App", nullptr, nullptr));
}

TEST_F(RememberedValuesFile, RoundTripThroughANewFolder) {
    const auto file = folder_ / "vstkit" / "App.state";
    auto values = protocol::defaultValues(protocol::testing::kGainTable);
    values[kGain] = -6.0F;
    EXPECT_EQ(saveRememberedValues(file, values), "");
    const auto loaded = loadRememberedValues(file);
    EXPECT_EQ(loaded.warning, "");
    EXPECT_EQ(loaded.values, values);
    // Only the file itself is left: the temporary one was renamed.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator{file.parent_path()},
                            std::filesystem::directory_iterator{}),
              1);
}

TEST_F(RememberedValuesFile, AMissingFileGivesTheDefaultsSilently) {
    const auto loaded = loadRememberedValues(folder_ / "none.state");
    EXPECT_EQ(loaded.warning, "");
    EXPECT_EQ(loaded.values, protocol::defaultValues(protocol::testing::kGainTable));
}

TEST_F(RememberedValuesFile, ACorruptFileGivesTheDefaultsAndOneWarning) {
    const auto file = folder_ / "App.state";
    std::ofstream{file} << "not a state blob";
    const auto loaded = loadRememberedValues(file);
    EXPECT_EQ(loaded.values, protocol::defaultValues(protocol::testing::kGainTable));
    EXPECT_NE(loaded.warning.find("ignoring the remembered values in " + file.string()),
              std::string::npos);
    EXPECT_EQ(loaded.warning.find('\n'), std::string::npos);
}

TEST_F(RememberedValuesFile, AnUnwritableFolderIsReportedNotThrown) {
    const auto blocker = folder_ / "file";
    std::ofstream{blocker} << "x";
    const auto failure = saveRememberedValues(
        blocker / "App.state", protocol::defaultValues(protocol::testing::kGainTable));
    EXPECT_NE(failure.find("cannot create"), std::string::npos) << failure;
}

}  // namespace
}  // namespace vstkit::formats::standalone
