// The session speaks exactly the schema the page's client is typed from
// (schema/bridge.json): every method answers its example with the result's
// fields, and the notifications carry theirs.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "recording_target.h"
#include "vstkit/bridge/bridge_session.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::bridge {
namespace {

using nlohmann::json;

json loadSchema() {
    std::ifstream file(VSTKIT_BRIDGE_SCHEMA);
    return json::parse(file);
}

/// Whether `value` has the schema's type: "number", "integer", "string",
/// "boolean", "T[]" or a name in schema.types.
bool hasType(const json& schema, const json& value, const std::string& type) {
    if (type.ends_with("[]")) {
        if (!value.is_array()) {
            return false;
        }
        const auto element = type.substr(0, type.size() - 2);
        return std::all_of(value.begin(), value.end(),
                           [&](const json& item) { return hasType(schema, item, element); });
    }
    if (type == "number") {
        return value.is_number();
    }
    if (type == "integer") {
        return value.is_number_integer();
    }
    if (type == "string") {
        return value.is_string();
    }
    if (type == "boolean") {
        return value.is_boolean();
    }
    const auto& fields = schema.at("types").at(type);
    if (!value.is_object() || value.size() != fields.size()) {
        return false;
    }
    for (const auto& [name, fieldType] : fields.items()) {
        if (!value.contains(name) || !hasType(schema, value[name], fieldType.get<std::string>())) {
            return false;
        }
    }
    return true;
}

void expectFields(const json& schema, const json& fields, const json& value,
                  const std::string& what) {
    ASSERT_TRUE(value.is_object()) << what << ": " << value;
    EXPECT_EQ(value.size(), fields.size()) << what << ": " << value;
    for (const auto& [name, type] : fields.items()) {
        ASSERT_TRUE(value.contains(name)) << what << " lacks " << name;
        EXPECT_TRUE(hasType(schema, value[name], type.get<std::string>()))
            << what << "." << name << " is not " << type << ": " << value[name];
    }
}

TEST(BridgeSchema, EveryMethodAnswersItsExampleWithTheSchemasResult) {
    const json schema = loadSchema();
    ASSERT_EQ(schema["maxMessageBytes"], BridgeSession::kMaxMessageBytes);
    testing::RecordingTarget target{protocol::testing::kGainTable.size()};
    BridgeSession session{protocol::testing::kGainTable, target};
    int id = 0;
    for (const auto& [method, spec] : schema["methods"].items()) {
        const json request = {
            {"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", spec["example"]}};
        const json reply = json::parse(session.handle(request.dump()));
        ASSERT_TRUE(reply.contains("result")) << method << ": " << reply;
        expectFields(schema, spec["result"], reply["result"], method);
        expectFields(schema, spec["params"], spec["example"], method + " example");
    }
}

TEST(BridgeSchema, NotificationsCarryTheSchemasFields) {
    const json schema = loadSchema();
    testing::RecordingTarget target{protocol::testing::kGainTable.size()};
    target.meters = {{0.5F, 0.3F, 1}, {0.1F, 0.05F, 0}};
    BridgeSession session{protocol::testing::kGainTable, target};
    const auto notes = session.pendingNotifications(std::chrono::steady_clock::now());
    std::set<std::string> seen;
    for (const auto& text : notes) {
        const json note = json::parse(text);
        const std::string method = note["method"];
        ASSERT_TRUE(schema["notifications"].contains(method)) << method;
        expectFields(schema, schema["notifications"][method]["params"], note["params"], method);
        seen.insert(method);
    }
    EXPECT_EQ(seen.size(), schema["notifications"].size());
}

}  // namespace
}  // namespace vstkit::bridge
