#include "vstkit/bridge/bridge_session.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "recording_target.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/every_kind_table.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::bridge {
namespace {

using nlohmann::json;
using protocol::testing::kGainTable;
using testing::RecordingTarget;

class BridgeSessionTest : public ::testing::Test {
  protected:
    json call(std::string_view method, const json& params, int id = 1) {
        const std::string reply = session.handle(
            json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
        return json::parse(reply);
    }
    /// Sends raw text and returns the error code of the reply.
    int errorCodeOf(std::string_view message) {
        const auto reply = json::parse(session.handle(message));
        return reply.at("error").at("code").get<int>();
    }

    RecordingTarget target{kGainTable.size()};
    BridgeSession session{kGainTable, target};
};

TEST_F(BridgeSessionTest, ListsEveryRowWithItsCurrentPlainValue) {
    target.values[0] = protocol::toNormalized(kGainTable[0], -6.0F);
    const auto reply = call("parameters.list", json::object());
    ASSERT_TRUE(reply.contains("result")) << reply;
    const auto& rows = reply["result"]["parameters"];
    ASSERT_EQ(rows.size(), kGainTable.size());
    EXPECT_EQ(rows[0]["id"], "gain");
    EXPECT_EQ(rows[0]["unit"], "dB");
    EXPECT_EQ(rows[0]["kind"], "continuous");
    EXPECT_NEAR(rows[0]["value"].get<double>(), -6.0, 1e-4);
    EXPECT_EQ(rows[1]["kind"], "toggle");
    EXPECT_EQ(rows[1]["role"], "bypass");
    EXPECT_EQ(reply["id"], 1);
}

TEST_F(BridgeSessionTest, ASetOutsideAGestureIsAGestureOfItsOwn) {
    const auto reply = call("parameter.set", {{"id", "gain"}, {"value", -6.0}});
    EXPECT_NEAR(reply["result"]["value"].get<double>(), -6.0, 1e-4);
    ASSERT_EQ(target.calls.size(), 3U);
    EXPECT_EQ(target.calls[0], "begin 0");
    EXPECT_EQ(target.calls[2], "end 0");
}

TEST_F(BridgeSessionTest, ADragIsOneGesture) {
    call("gesture.begin", {{"id", "gain"}});
    call("parameter.set", {{"id", "gain"}, {"value", -3.0}});
    call("parameter.set", {{"id", "gain"}, {"value", -2.0}});
    call("gesture.end", {{"id", "gain"}});
    ASSERT_EQ(target.calls.size(), 4U);
    EXPECT_EQ(target.calls[0], "begin 0");
    EXPECT_EQ(target.calls[3], "end 0");
    // Unbalanced ends are refused and change nothing.
    EXPECT_EQ(call("gesture.end", {{"id", "gain"}})["error"]["code"], -32602);
    EXPECT_EQ(target.calls.size(), 4U);
}

TEST_F(BridgeSessionTest, AGestureLeftOpenEndsWithTheSession) {
    {
        BridgeSession page{kGainTable, target};
        (void)page.handle(
            R"({"jsonrpc":"2.0","id":1,"method":"gesture.begin","params":{"id":"gain"}})");
    }
    ASSERT_EQ(target.calls.size(), 2U);
    EXPECT_EQ(target.calls[1], "end 0");
}

TEST_F(BridgeSessionTest, OutOfRangeValuesAreClampedAndTheReplySaysSo) {
    EXPECT_FLOAT_EQ(call("parameter.set", {{"id", "gain"}, {"value", 100.0}})["result"]["value"],
                    24.0F);
    EXPECT_FLOAT_EQ(call("parameter.set", {{"id", "gain"}, {"value", -1e300}})["result"]["value"],
                    -24.0F);
}

TEST_F(BridgeSessionTest, BadRequestsGetAnErrorAndChangeNothing) {
    const std::vector<std::pair<std::string, int>> cases = {
        {"{", -32700},
        {"", -32700},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":"gain","value":NaN}})",
         -32700},
        {R"([])", -32600},
        {R"(42)", -32600},
        {R"({"id":1,"method":"parameters.list"})", -32600},
        {R"({"jsonrpc":"1.0","id":1,"method":"parameters.list"})", -32600},
        {R"({"jsonrpc":"2.0","id":{},"method":"parameters.list"})", -32600},
        {R"({"jsonrpc":"2.0","id":1,"method":7})", -32600},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameters.drop"})", -32601},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":[1,2]})", -32602},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":"gian","value":1}})",
         -32602},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":"gain","value":"1"}})",
         -32602},
        // Beyond double's range: the JSON parser itself refuses it.
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":"gain","value":1e999}})",
         -32700},
        {R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":3,"value":1}})",
         -32602},
        {R"({"jsonrpc":"2.0","id":1,"method":"value.parse","params":{"id":"gain","text":"loud"}})",
         -32602},
        {R"({"jsonrpc":"2.0","id":1,"method":"editor.resize","params":{"width":0,"height":10}})",
         -32602},
        {R"({"jsonrpc":"2.0","id":1,"method":"editor.resize","params":{"width":1.5,"height":10}})",
         -32602},
    };
    const auto before = target.values;
    for (const auto& [message, code] : cases) {
        EXPECT_EQ(errorCodeOf(message), code) << message;
    }
    EXPECT_EQ(target.values, before);
    EXPECT_TRUE(target.calls.empty());
}

TEST_F(BridgeSessionTest, AMessageOver64KiBIsRefusedUnread) {
    std::string huge =
        R"({"jsonrpc":"2.0","id":1,"method":"parameter.set","params":{"id":"gain","value":1,"pad":")";
    huge.append(BridgeSession::kMaxMessageBytes, 'x');
    huge += "\"}}";
    EXPECT_EQ(errorCodeOf(huge), -32600);
    EXPECT_TRUE(target.calls.empty());
}

TEST_F(BridgeSessionTest, NotificationsFromThePageGetNoReply) {
    EXPECT_EQ(session.handle(
                  R"({"jsonrpc":"2.0","method":"parameter.set","params":{"id":"gain","value":3}})"),
              "");
    EXPECT_NEAR(protocol::fromNormalized(kGainTable[0], target.values[0]), 3.0F, 1e-4F);
}

TEST_F(BridgeSessionTest, ABatchGetsOneReplyPerRequest) {
    const auto reply = json::parse(session.handle(
        R"([{"jsonrpc":"2.0","id":1,"method":"value.format","params":{"id":"gain","value":-6}},)"
        R"({"jsonrpc":"2.0","id":2,"method":"value.parse","params":{"id":"gain","text":"-6 dB"}},)"
        R"({"jsonrpc":"2.0","method":"gesture.begin","params":{"id":"gain"}}])"));
    ASSERT_EQ(reply.size(), 2U);
    EXPECT_EQ(reply[0]["result"]["text"], "-6.0 dB");
    EXPECT_FLOAT_EQ(reply[1]["result"]["value"], -6.0F);
}

TEST_F(BridgeSessionTest, ResizeAsksTheHostWhichMayRefuse) {
    EXPECT_EQ(call("editor.resize", {{"width", 480}, {"height", 320}})["result"]["accepted"], true);
    target.acceptResize = false;
    EXPECT_EQ(call("editor.resize", {{"width", 10}, {"height", 10}})["result"]["accepted"], false);
    EXPECT_EQ(target.calls.back(), "resize 10x10");
}

TEST_F(BridgeSessionTest, HostChangesBecomeParameterChangedOnce) {
    call("parameters.list", json::object());
    const auto start = std::chrono::steady_clock::time_point{};
    EXPECT_TRUE(session.pendingNotifications(start).empty());
    target.values[0] = protocol::toNormalized(kGainTable[0], 12.0F);
    auto notes = session.pendingNotifications(start);
    ASSERT_EQ(notes.size(), 1U);
    const auto note = json::parse(notes[0]);
    EXPECT_EQ(note["method"], "parameter.changed");
    EXPECT_FALSE(note.contains("id"));
    EXPECT_EQ(note["params"]["id"], "gain");
    EXPECT_NEAR(note["params"]["value"].get<double>(), 12.0, 1e-4);
    EXPECT_TRUE(session.pendingNotifications(start).empty());
    // The page's own set is not echoed back.
    call("parameter.set", {{"id", "gain"}, {"value", 1.0}});
    EXPECT_TRUE(session.pendingNotifications(start).empty());
}

TEST_F(BridgeSessionTest, MetersGoOutAbout30TimesASecondInDb) {
    call("parameters.list", json::object());
    target.meters = {{0.5F, 0.25F, 0}, {0.0F, 0.0F, 3}};
    const auto start = std::chrono::steady_clock::time_point{} + std::chrono::seconds(1);
    auto notes = session.pendingNotifications(start);
    ASSERT_EQ(notes.size(), 1U);
    const auto meters = json::parse(notes[0]);
    EXPECT_EQ(meters["method"], "meters");
    EXPECT_NEAR(meters["params"]["channels"][0]["peakDb"].get<double>(), -6.02, 0.01);
    EXPECT_NEAR(meters["params"]["channels"][0]["rmsDb"].get<double>(), -12.04, 0.01);
    EXPECT_EQ(meters["params"]["channels"][1]["peakDb"], -120.0);
    EXPECT_EQ(meters["params"]["channels"][1]["clips"], 3);
    EXPECT_TRUE(session.pendingNotifications(start + std::chrono::milliseconds(10)).empty());
    EXPECT_EQ(session.pendingNotifications(start + std::chrono::milliseconds(34)).size(), 1U);
}

TEST(BridgeSessionChoices, AChoiceListsItsNamesAndTakesItsIndex) {
    const auto& table = protocol::testing::kEveryKindTable;
    RecordingTarget target{table.size()};
    BridgeSession session{table, target};
    const auto reply =
        json::parse(session.handle(R"({"jsonrpc":"2.0","id":"a","method":"parameters.list"})"));
    EXPECT_EQ(reply["id"], "a");
    bool sawChoice = false;
    for (const auto& row : reply["result"]["parameters"]) {
        if (row["kind"] == "choice") {
            sawChoice = true;
            EXPECT_FALSE(row["choices"].empty());
        }
    }
    EXPECT_TRUE(sawChoice);
}

}  // namespace
}  // namespace vstkit::bridge
