#include "vstkit/bridge_server/handshake_rules.h"

#include <gtest/gtest.h>

namespace vstkit::bridge_server {
namespace {

const HandshakeRules kRules{.token = "5eb0c1d2", .allowedOrigins = {"http://127.0.0.1:5173"}};

HandshakeRequest upgrade(std::string_view target, std::optional<std::string_view> origin) {
    return {.isWebSocketUpgrade = true, .target = target, .origin = origin};
}

TEST(HandshakeRules, TheDevServersPageWithTheTokenIsLetIn) {
    EXPECT_FALSE(checkHandshake(kRules, upgrade("/?token=5eb0c1d2", "http://127.0.0.1:5173")));
}

TEST(HandshakeRules, AProgramWithoutAnOriginIsLetInWithTheToken) {
    EXPECT_FALSE(checkHandshake(kRules, upgrade("/?a=1&token=5eb0c1d2&b=2", std::nullopt)));
}

TEST(HandshakeRules, ATokenAPageEscapedStillMatches) {
    EXPECT_FALSE(checkHandshake(kRules, upgrade("/?token=%35eb0c1d2", std::nullopt)));
}

TEST(HandshakeRules, APageFromAnotherOriginIsRefusedEvenWithTheToken) {
    const auto refusal = checkHandshake(kRules, upgrade("/?token=5eb0c1d2", "http://evil.example"));
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->status, 403U);
    EXPECT_NE(refusal->reason.find("http://evil.example"), std::string::npos);
    // The same host on another port is another Origin.
    EXPECT_TRUE(checkHandshake(kRules, upgrade("/?token=5eb0c1d2", "http://127.0.0.1:5174")));
}

TEST(HandshakeRules, NoTokenOrAWrongOneIsRefused) {
    const auto missing = checkHandshake(kRules, upgrade("/", std::nullopt));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 401U);
    EXPECT_NE(missing->reason.find("token"), std::string::npos);
    EXPECT_TRUE(checkHandshake(kRules, upgrade("/?token=", std::nullopt)));
    EXPECT_TRUE(checkHandshake(kRules, upgrade("/?token=5eb0c1d", std::nullopt)));
    EXPECT_TRUE(checkHandshake(kRules, upgrade("/?token=5eb0c1d23", std::nullopt)));
    EXPECT_TRUE(checkHandshake(kRules, upgrade("/?tokens=5eb0c1d2", std::nullopt)));
}

TEST(HandshakeRules, PlainHttpIsToldToUseAWebSocket) {
    HandshakeRequest plain = upgrade("/?token=5eb0c1d2", std::nullopt);
    plain.isWebSocketUpgrade = false;
    const auto refusal = checkHandshake(kRules, plain);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->status, 426U);
}

TEST(HandshakeRules, TokensAreFreshAndLongEnough) {
    const std::string first = makeToken();
    EXPECT_EQ(first.size(), 32U);
    EXPECT_NE(first, makeToken());
}

}  // namespace
}  // namespace vstkit::bridge_server
