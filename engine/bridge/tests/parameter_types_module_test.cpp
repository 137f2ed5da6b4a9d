#include "vstkit/bridge/parameter_types_module.h"

#include <gtest/gtest.h>

#include "vstkit/protocol/testing/every_kind_table.h"

namespace vstkit::bridge {
namespace {

TEST(ParameterTypesModule, ListsEveryRowWithItsRangeAndChoices) {
    const std::string module = parameterTypesModule(protocol::testing::kEveryKindTable);
    for (const auto& spec : protocol::testing::kEveryKindTable) {
        EXPECT_NE(module.find("\"" + std::string{spec.stableId} + "\": {"), std::string::npos)
            << spec.stableId;
        for (const auto choice : spec.choices) {
            EXPECT_NE(module.find("\"" + std::string{choice} + "\""), std::string::npos) << choice;
        }
    }
    EXPECT_NE(module.find("kind: \"toggle\""), std::string::npos);
    EXPECT_NE(module.find("kind: \"choice\""), std::string::npos);
    EXPECT_NE(module.find("export type ParameterId = keyof typeof parameterTable;"),
              std::string::npos);
    EXPECT_NE(module.find("declare module \"@vstkit/ui\""), std::string::npos);
}

}  // namespace
}  // namespace vstkit::bridge
