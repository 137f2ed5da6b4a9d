#include "protocol_parameter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "public.sdk/source/vst/vsteditcontroller.h"
#include "vstkit/formats/vst3/param_ids.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::formats::vst3 {
namespace {

using namespace Steinberg;
using protocol::testing::kEveryKindTable;

/// An edit controller holding one ProtocolParameter per row of a table, asked
/// the way hosts ask: by ParamID, through IEditController.
class TableController final : public Vst::EditController {
  public:
    explicit TableController(std::span<const protocol::ParamSpec> table) {
        for (const auto& spec : table) {
            parameters.addParameter(new ProtocolParameter(spec));
        }
    }

    [[nodiscard]] Vst::ParameterInfo info(const protocol::ParamSpec& spec) {
        Vst::ParameterInfo found{};
        for (int32 i = 0; i < getParameterCount(); ++i) {
            Vst::ParameterInfo each{};
            getParameterInfo(i, each);
            if (each.id == paramIdOf(spec)) {
                found = each;
            }
        }
        return found;
    }

    [[nodiscard]] std::string text(const protocol::ParamSpec& spec, double normalized) {
        Vst::String128 string{};
        if (getParamStringByValue(paramIdOf(spec), normalized, string) != kResultOk) {
            return "<none>";
        }
        std::string ascii;
        for (const Vst::TChar* c = string; *c != 0; ++c) {
            ascii += static_cast<char>(*c);
        }
        return ascii;
    }

    [[nodiscard]] std::optional<double> normalizedOf(const protocol::ParamSpec& spec,
                                                     std::string_view text) {
        std::u16string wide(text.begin(), text.end());
        Vst::ParamValue normalized = -1.0;
        if (getParamValueByString(paramIdOf(spec), wide.data(), normalized) != kResultOk) {
            return std::nullopt;
        }
        return normalized;
    }
};

std::string title(const Vst::ParameterInfo& info) {
    std::string ascii;
    for (const Vst::TChar* c = info.title; *c != 0; ++c) {
        ascii += static_cast<char>(*c);
    }
    return ascii;
}

TEST(ProtocolParameter, StepCountsAndFlagsFollowTheKind) {
    TableController controller{kEveryKindTable};
    using protocol::testing::EveryKindRow;
    const auto steps = [&](EveryKindRow row) {
        return controller.info(kEveryKindTable[row]).stepCount;
    };
    EXPECT_EQ(steps(protocol::testing::kCutoff), 0);
    EXPECT_EQ(steps(protocol::testing::kResonance), 0);
    EXPECT_EQ(steps(protocol::testing::kAttack), 0);
    EXPECT_EQ(steps(protocol::testing::kMode), 3);        // four labels
    EXPECT_EQ(steps(protocol::testing::kTranspose), 24);  // -12..12
    EXPECT_EQ(steps(protocol::testing::kBypass), 1);
    for (const auto& spec : kEveryKindTable) {
        const Vst::ParameterInfo info = controller.info(spec);
        EXPECT_EQ(title(info), spec.name);
        EXPECT_EQ((info.flags & Vst::ParameterInfo::kIsList) != 0,
                  spec.kind == protocol::ParamKind::Choice)
            << spec.name;
        EXPECT_NE(info.flags & Vst::ParameterInfo::kCanAutomate, 0) << spec.name;
        EXPECT_FLOAT_EQ(static_cast<float>(info.defaultNormalizedValue),
                        protocol::toNormalized(spec, spec.defaultValue))
            << spec.name;
    }
}

TEST(ProtocolParameter, AChoiceReadsAsItsLabelsAtEachStep) {
    TableController controller{kEveryKindTable};
    const auto& mode = kEveryKindTable[protocol::testing::kMode];
    const Vst::ParameterInfo info = controller.info(mode);
    ASSERT_EQ(info.stepCount, 3);
    for (int32 step = 0; step <= info.stepCount; ++step) {
        const double normalized = static_cast<double>(step) / info.stepCount;
        EXPECT_EQ(controller.text(mode, normalized), mode.choices[static_cast<std::size_t>(step)]);
        EXPECT_DOUBLE_EQ(controller.normalizedParamToPlain(info.id, normalized), step);
    }
    const auto parsed = controller.normalizedOf(mode, "notch");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_DOUBLE_EQ(*parsed, 1.0);
    EXPECT_FALSE(controller.normalizedOf(mode, "Peak").has_value());
}

TEST(ProtocolParameter, SteppedPlainValuesAreWholeNumbers) {
    TableController controller{kEveryKindTable};
    const auto& transpose = kEveryKindTable[protocol::testing::kTranspose];
    const Vst::ParamID id = paramIdOf(transpose);
    EXPECT_EQ(controller.normalizedParamToPlain(id, 0.0), -12.0);
    EXPECT_EQ(controller.normalizedParamToPlain(id, 0.5), 0.0);
    EXPECT_EQ(controller.normalizedParamToPlain(id, 0.53), 1.0);
    EXPECT_EQ(controller.normalizedParamToPlain(id, 1.0), 12.0);
    EXPECT_FLOAT_EQ(static_cast<float>(controller.plainParamToNormalized(id, 6.0)), 0.75F);
    EXPECT_EQ(controller.text(transpose, 0.75), "6 st");
    const auto parsed = controller.normalizedOf(transpose, "-3.4 st");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_FLOAT_EQ(static_cast<float>(*parsed), 9.0F / 24.0F);
}

TEST(ProtocolParameter, ALogarithmicRowMapsPlainValuesTheProtocolsWay) {
    TableController controller{kEveryKindTable};
    const auto& cutoff = kEveryKindTable[protocol::testing::kCutoff];
    const Vst::ParamID id = paramIdOf(cutoff);
    EXPECT_NEAR(controller.normalizedParamToPlain(id, 0.5), 632.456, 1e-3);
    EXPECT_NEAR(controller.plainParamToNormalized(id, 632.456), 0.5, 1e-6);
    EXPECT_NEAR(controller.normalizedParamToPlain(id, 0.0), 20.0, 1e-4);
    EXPECT_NEAR(controller.normalizedParamToPlain(id, 1.0), 20000.0, 1e-2);
    EXPECT_EQ(controller.text(cutoff, 0.5), "632 Hz");
    const auto parsed = controller.normalizedOf(cutoff, "2000 Hz");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_NEAR(*parsed, 2.0 / 3.0, 1e-6);
}

/// Every row: what a host shows at a normalized value parses back to it.
TEST(ProtocolParameter, TextRoundTripsForEveryKind) {
    TableController controller{kEveryKindTable};
    for (const auto& spec : kEveryKindTable) {
        for (int step = 0; step <= 48; ++step) {
            const double normalized = static_cast<double>(step) / 48.0;
            const std::string shown = controller.text(spec, normalized);
            EXPECT_EQ(shown, protocol::formatValue(spec, protocol::fromNormalized(
                                                             spec, static_cast<float>(normalized))))
                << spec.name;
            const auto parsed = controller.normalizedOf(spec, shown);
            ASSERT_TRUE(parsed.has_value()) << spec.name << ": '" << shown << "'";
            EXPECT_EQ(controller.text(spec, *parsed), shown) << spec.name;
        }
    }
}

TEST(ProtocolParameter, AGainAndABypassRowLookAsHostsExpect) {
    TableController controller{protocol::testing::kGainTable};
    const auto& gain = protocol::testing::kGainTable[protocol::testing::kGain];
    const auto& bypass = protocol::testing::kGainTable[protocol::testing::kGainBypass];
    EXPECT_EQ(controller.info(gain).stepCount, 0);
    EXPECT_EQ(controller.info(gain).flags, Vst::ParameterInfo::kCanAutomate);
    EXPECT_EQ(controller.info(bypass).stepCount, 1);
    EXPECT_EQ(controller.info(bypass).flags,
              Vst::ParameterInfo::kCanAutomate | Vst::ParameterInfo::kIsBypass);
    EXPECT_EQ(controller.normalizedParamToPlain(paramIdOf(gain), 0.375), -6.0);
    EXPECT_EQ(controller.text(gain, 0.375), "-6.0 dB");
}

}  // namespace
}  // namespace vstkit::formats::vst3
