#include "ttl_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "vstkit/core/plugin_definition.h"
#include "vstkit/dsp/smoothed_gain.h"
#include "vstkit/formats/lv2/port_layout.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::formats::lv2 {
namespace {

// This test executable's own plugin, so the writer can be run on a test table.
struct EveryKindPlugin {
    static constexpr core::PluginIdentity identity{
        .name = "Every Kind",
        .vendor = "VstKit",
        .url = "https://vstkit.dev",
        .description = "A test table with a parameter of every kind",
        .lv2Uri = "https://vstkit.dev/plugins/test-every-kind",
        .lv2Class = "FilterPlugin",
        .lv2MinorVersion = 0,
        .lv2MicroVersion = 1,
    };
    static constexpr std::span<const protocol::ParamSpec> parameters{
        protocol::testing::kEveryKindTable};
    using Processor = dsp::SmoothedGain;
};

}  // namespace
}  // namespace vstkit::formats::lv2

VSTKIT_PLUGIN(vstkit::formats::lv2::EveryKindPlugin)

namespace vstkit::formats::lv2 {
namespace {

using protocol::testing::kEveryKindTable;

constexpr BundleFiles kFiles{"EveryKind.so", "EveryKind_ui.so", "EveryKind.ttl"};

/// A mono effect with latency: its ports differ from the gain's.
constexpr std::array<core::ChannelLayout, 1> kMonoOnly{core::kMono};
constexpr core::AudioFacts kMonoWithLatency{kMonoOnly, core::TailLength::none(), 64};

std::string description(std::span<const protocol::ParamSpec> table,
                        const core::AudioFacts& audio = {}) {
    std::ostringstream out;
    writePluginDescription(out, kFiles, table, audio);
    return out.str();
}

/// The text of the control port whose symbol is `symbol`, from "[" to "]".
std::string port(const std::string& ttl, std::string_view symbol) {
    const std::size_t at = ttl.find("lv2:symbol \"" + std::string{symbol} + "\"");
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t begin = ttl.rfind("a lv2:InputPort", at);
    const std::size_t end = ttl.find("\n\t]", at);
    return ttl.substr(begin, end - begin);
}

TEST(TtlWriter, AChoiceIsAnIntegerEnumerationWithAScalePointPerLabel) {
    const std::string mode = port(description(kEveryKindTable), "mode");
    ASSERT_FALSE(mode.empty());
    EXPECT_NE(mode.find("lv2:portProperty lv2:integer , lv2:enumeration ;"), std::string::npos)
        << mode;
    EXPECT_NE(mode.find("lv2:default 0 ;"), std::string::npos) << mode;
    EXPECT_NE(mode.find("lv2:minimum 0 ;"), std::string::npos) << mode;
    EXPECT_NE(mode.find("lv2:maximum 3 ;"), std::string::npos) << mode;
    const char* const labels[] = {"Low-pass", "High-pass", "Band-pass", "Notch"};
    for (int index = 0; index < 4; ++index) {
        const std::string point = "rdfs:label \"" + std::string{labels[index]} +
                                  "\" ;\n\t\t\trdf:value " + std::to_string(index) + " ;";
        EXPECT_NE(mode.find(point), std::string::npos) << point << "\nin\n" << mode;
    }
    EXPECT_EQ(mode.find("units:unit"), std::string::npos);
}

TEST(TtlWriter, SteppedIsIntegerLogarithmicIsPpropsAndToggleIsToggled) {
    const std::string ttl = description(kEveryKindTable);
    const std::string transpose = port(ttl, "transpose");
    EXPECT_NE(transpose.find("lv2:portProperty lv2:integer ;"), std::string::npos) << transpose;
    EXPECT_NE(transpose.find("lv2:minimum -12 ;"), std::string::npos) << transpose;
    EXPECT_EQ(transpose.find("enumeration"), std::string::npos) << transpose;
    EXPECT_NE(transpose.find("units:render \"%.0f st\""), std::string::npos) << transpose;

    const std::string cutoff = port(ttl, "cutoff");
    EXPECT_NE(cutoff.find("lv2:portProperty pprops:logarithmic ;"), std::string::npos) << cutoff;
    EXPECT_NE(cutoff.find("lv2:minimum 20.0 ;"), std::string::npos) << cutoff;
    EXPECT_NE(cutoff.find("units:unit units:hz"), std::string::npos) << cutoff;

    for (const std::string_view plain : {"resonance", "attack"}) {
        EXPECT_EQ(port(ttl, plain).find("lv2:portProperty"), std::string::npos) << plain;
    }
    EXPECT_NE(port(ttl, "enabled").find("lv2:portProperty lv2:toggled"), std::string::npos);
    EXPECT_NE(ttl.find("@prefix pprops: <http://lv2plug.in/ns/ext/port-props#> ."),
              std::string::npos);
    EXPECT_NE(ttl.find("@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ."),
              std::string::npos);
}

TEST(TtlWriter, AGainTablesPortsLookAsReleased) {
    const std::string ttl = description(protocol::testing::kGainTable);
    EXPECT_EQ(port(ttl, "gain"),
              "a lv2:InputPort , lv2:ControlPort ;\n"
              "\t\tlv2:index 4 ;\n"
              "\t\t# The symbol is the saved name of this control: never change it.\n"
              "\t\tlv2:symbol \"gain\" ;\n"
              "\t\tlv2:name \"Gain\" ;\n"
              "\t\tlv2:default 0.0 ;\n"
              "\t\tlv2:minimum -24.0 ;\n"
              "\t\tlv2:maximum 24.0 ;\n"
              "\t\tunits:unit units:db ;");
    EXPECT_EQ(ttl.find("scalePoint"), std::string::npos);
}

TEST(PortLayout, PortsCarryPlainValuesRoundedForStepsAndChoices) {
    const auto& mode = kEveryKindTable[protocol::testing::kMode];
    const auto& transpose = kEveryKindTable[protocol::testing::kTranspose];
    const auto& cutoff = kEveryKindTable[protocol::testing::kCutoff];
    EXPECT_EQ(fromPortValue(mode, 2.0F), 2.0F);
    EXPECT_EQ(fromPortValue(mode, 1.6F), 2.0F);
    EXPECT_EQ(fromPortValue(mode, 9.0F), 3.0F);
    EXPECT_EQ(fromPortValue(transpose, -4.4F), -4.0F);
    EXPECT_EQ(fromPortValue(cutoff, 440.5F), 440.5F);
    EXPECT_EQ(fromPortValue(cutoff, 1.0F), 20.0F);
    EXPECT_EQ(toPortValue(mode, 3.0F), 3.0F);
    EXPECT_EQ(toPortValue(cutoff, 632.5F), 632.5F);
}

TEST(TtlWriter, AMonoPluginHasOneAudioPortEachWayAndItsLatencyPortLast) {
    const auto ttl = description(kEveryKindTable, kMonoWithLatency);
    EXPECT_NE(port(ttl, "in").find("lv2:index 0 ;"), std::string::npos);
    EXPECT_NE(port(ttl, "out").find("lv2:index 1 ;"), std::string::npos);
    EXPECT_EQ(ttl.find("in_l"), std::string::npos);
    EXPECT_NE(port(ttl, kEveryKindTable[0].stableId).find("lv2:index 2 ;"), std::string::npos);
    const auto latency = port(ttl, "latency");
    EXPECT_NE(latency.find("lv2:index " + std::to_string(2 + kEveryKindTable.size()) + " ;"),
              std::string::npos);
    EXPECT_NE(latency.find("lv2:reportsLatency"), std::string::npos);
    EXPECT_EQ(description(kEveryKindTable).find("\"latency\""), std::string::npos);
}

/// lv2_validate (lv2-dev, with sordi) on a bundle of the every-kind table
/// with these audio facts: 0 errors, no warnings.
void expectValidBundle(const core::AudioFacts& audio) {
    if (std::system("command -v lv2_validate >/dev/null && command -v sordi >/dev/null") != 0) {
        FAIL() << "lv2_validate or sordi not found (Debian packages lv2-dev and sordi)";
    }
    std::string folder = (std::filesystem::temp_directory_path() / "vstkit-ttl-XXXXXX").string();
    ASSERT_NE(mkdtemp(folder.data()), nullptr);
    const std::filesystem::path bundle = std::filesystem::path{folder} / "EveryKind.lv2";
    std::filesystem::create_directories(bundle);
    {
        std::ofstream manifest{bundle / "manifest.ttl"};
        writeManifest(manifest, kFiles);
        std::ofstream plugin{bundle / std::string{kFiles.pluginTtl}};
        writePluginDescription(plugin, kFiles, kEveryKindTable, audio);
    }
    const std::filesystem::path log = std::filesystem::path{folder} / "validate.log";
    const std::string command = "lv2_validate '" + (bundle / "manifest.ttl").string() + "' '" +
                                (bundle / std::string{kFiles.pluginTtl}).string() + "' >'" +
                                log.string() + "' 2>&1";
    static_cast<void>(std::system(command.c_str()));
    std::ifstream logFile{log};
    const std::string output{std::istreambuf_iterator<char>{logFile}, {}};
    std::printf("%s", output.c_str());
    EXPECT_NE(output.find("Found 0 errors"), std::string::npos) << output;
    EXPECT_EQ(output.find("warning"), std::string::npos) << output;
    std::filesystem::remove_all(folder);
}

TEST(TtlWriter, ABundleWithEveryKindValidates) {
    expectValidBundle(core::AudioFacts{});
}

TEST(TtlWriter, AMonoBundleWithLatencyValidates) {
    expectValidBundle(kMonoWithLatency);
}

}  // namespace
}  // namespace vstkit::formats::lv2
