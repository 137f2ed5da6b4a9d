#include "vstkit/bridge_server/bridge_server.h"

#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "recording_target.h"
#include "vstkit/bridge/bridge_session.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/testing/gain_table.h"

namespace vstkit::bridge_server {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::asio::ip::tcp;
using nlohmann::json;
using protocol::testing::kGainTable;

constexpr std::string_view kToken = "0123456789abcdef0123456789abcdef";
constexpr std::string_view kDevOrigin = "http://127.0.0.1:5173";

/// The server on its own io thread, as the engine runs it on its main one.
class ServerUnderTest {
  public:
    ServerUnderTest() : target(kGainTable.size()), work_(io_.get_executor()) {
        target.values[0] = protocol::toNormalized(kGainTable[0], 0.0F);
        server_.emplace(io_,
                        BridgeServer::Config{
                            .port = 0,
                            .rules = {.token = std::string{kToken},
                                      .allowedOrigins = {std::string{kDevOrigin}}},
                            .parameters = kGainTable,
                            .log = [this](std::string_view line) { lastLog_ = std::string{line}; }},
                        target);
        port = server_->port();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~ServerUnderTest() {
        boost::asio::post(io_, [this] { server_.reset(); });
        work_.reset();
        thread_.join();
    }
    ServerUnderTest(const ServerUnderTest&) = delete;
    ServerUnderTest& operator=(const ServerUnderTest&) = delete;
    ServerUnderTest(ServerUnderTest&&) = delete;
    ServerUnderTest& operator=(ServerUnderTest&&) = delete;

    /// Runs `job` on the server's thread and waits for it.
    template <typename Job>
    auto onServerThread(Job job) {
        std::packaged_task<decltype(job())()> task{std::move(job)};
        auto result = task.get_future();
        boost::asio::post(io_, [&task] { task(); });
        return result.get();
    }
    std::string lastLog() {
        return onServerThread([this] { return lastLog_; });
    }
    std::size_t connections() {
        return onServerThread([this] { return server_->connectionCount(); });
    }
    /// The client side's handshake ends a moment before the server's does.
    void waitForConnections(std::size_t count) {
        while (connections() < count) {
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
        }
    }
    void tick() {
        onServerThread(
            [this] { server_->sendPendingNotifications(std::chrono::steady_clock::now()); });
    }

    bridge::testing::RecordingTarget target;
    std::uint16_t port = 0;

  private:
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::optional<BridgeServer> server_;
    std::thread thread_;
    std::string lastLog_;
};

/// A blocking WebSocket client, as a browser or a test script is.
class Client {
  public:
    Client(std::uint16_t port, std::string_view target, std::optional<std::string_view> origin)
        : ws_(io_) {
        tcp::resolver resolver{io_};
        boost::asio::connect(ws_.next_layer(), resolver.resolve("127.0.0.1", std::to_string(port)));
        if (origin) {
            ws_.set_option(websocket::stream_base::decorator(
                [value = std::string{*origin}](websocket::request_type& request) {
                    request.set(beast::http::field::origin, value);
                }));
        }
        ws_.handshake(response_, "127.0.0.1", std::string{target}, handshakeError_);
    }
    [[nodiscard]] bool connected() const { return !handshakeError_; }
    [[nodiscard]] std::string handshakeError() const { return handshakeError_.message(); }

    void send(std::string_view text) { ws_.write(boost::asio::buffer(text.data(), text.size())); }
    json nextOfAnyKind() {
        beast::flat_buffer buffer;
        ws_.read(buffer);
        return json::parse(beast::buffers_to_string(buffer.data()));
    }
    /// The next message, skipping meters.
    json next() {
        for (;;) {
            json message = nextOfAnyKind();
            if (message.value("method", "") != "meters") {
                return message;
            }
        }
    }
    /// The next reply, skipping notifications.
    json nextReply() {
        for (;;) {
            json message = nextOfAnyKind();
            if (!message.contains("method")) {
                return message;
            }
        }
    }
    json call(std::string_view method, const json& params) {
        send(json{{"jsonrpc", "2.0"}, {"id", ++lastId_}, {"method", method}, {"params", params}}
                 .dump());
        return nextReply();
    }
    tcp::socket& socket() { return beast::get_lowest_layer(ws_); }
    beast::error_code readError() {
        beast::flat_buffer buffer;
        beast::error_code error;
        ws_.read(buffer, error);
        return error;
    }

  private:
    boost::asio::io_context io_;
    websocket::stream<tcp::socket> ws_;
    websocket::response_type response_;
    beast::error_code handshakeError_;
    int lastId_ = 0;
};

/// The server's whole answer to a WebSocket upgrade request, as text.
std::string rawUpgrade(std::uint16_t port, std::string_view target,
                       std::optional<std::string_view> origin) {
    boost::asio::io_context io;
    tcp::socket socket{io};
    socket.connect({boost::asio::ip::address_v4::loopback(), port});
    std::string request = "GET " + std::string{target} +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (origin) {
        request += "Origin: " + std::string{*origin} + "\r\n";
    }
    request += "\r\n";
    boost::asio::write(socket, boost::asio::buffer(request));
    std::string response;
    boost::system::error_code error;
    // A refusal ends with the connection; an acceptance ends its header.
    while (!error && !(response.starts_with("HTTP/1.1 101") && response.ends_with("\r\n\r\n"))) {
        std::array<char, 1024> chunk{};
        const std::size_t got = socket.read_some(boost::asio::buffer(chunk), error);
        response.append(chunk.data(), got);
    }
    return response;
}

std::string tokenTarget() {
    return "/?token=" + std::string{kToken};
}

TEST(BridgeServer, APageFromTheDevServerListsTheTable) {
    ServerUnderTest server;
    Client page{server.port, tokenTarget(), kDevOrigin};
    ASSERT_TRUE(page.connected());
    const json reply = page.call("parameters.list", json::object());
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
    EXPECT_EQ(reply["result"]["parameters"].size(), kGainTable.size());
    EXPECT_EQ(reply["result"]["parameters"][0]["id"], "gain");
}

TEST(BridgeServer, ASetIsSeenByASecondClientAtOnce) {
    ServerUnderTest server;
    Client page{server.port, tokenTarget(), kDevOrigin};
    Client watcher{server.port, tokenTarget(), std::nullopt};
    ASSERT_TRUE(page.connected() && watcher.connected());
    server.waitForConnections(2);
    // The watcher's session starts by catching up on what it has not seen.
    server.tick();
    for (std::size_t row = 0; row < kGainTable.size(); ++row) {
        EXPECT_EQ(watcher.next()["method"], "parameter.changed");
        EXPECT_EQ(page.next()["method"], "parameter.changed");
    }
    const json reply = page.call("parameter.set", {{"id", "gain"}, {"value", -6.0}});
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
    // No tick: the change goes out as soon as it is made.
    const json changed = watcher.next();
    EXPECT_EQ(changed["method"], "parameter.changed");
    EXPECT_EQ(changed["params"]["id"], "gain");
    EXPECT_NEAR(changed["params"]["value"].get<double>(), -6.0, 1e-4);
    EXPECT_NEAR(protocol::fromNormalized(kGainTable[0], server.target.values[0]), -6.0F, 1e-4F);
}

TEST(BridgeServer, APageFromAnotherOriginIsRefusedWithItsReason) {
    ServerUnderTest server;
    Client page{server.port, tokenTarget(), "http://evil.example"};
    EXPECT_FALSE(page.connected());
    const std::string answer = rawUpgrade(server.port, tokenTarget(), "http://evil.example");
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 403")) << answer;
    EXPECT_NE(answer.find("a page from http://evil.example may not use the bridge"),
              std::string::npos)
        << answer;
    EXPECT_NE(server.lastLog().find("refused"), std::string::npos);
    EXPECT_EQ(server.connections(), 0U);
}

TEST(BridgeServer, AConnectionWithoutTheTokenIsRefused) {
    ServerUnderTest server;
    Client noToken{server.port, "/", kDevOrigin};
    EXPECT_FALSE(noToken.connected());
    const std::string noTokenAnswer = rawUpgrade(server.port, "/", kDevOrigin);
    EXPECT_TRUE(noTokenAnswer.starts_with("HTTP/1.1 401")) << noTokenAnswer;
    EXPECT_NE(noTokenAnswer.find("needs this run's token"), std::string::npos);
    Client wrongToken{server.port, "/?token=0123", std::nullopt};
    EXPECT_FALSE(wrongToken.connected());
    EXPECT_TRUE(rawUpgrade(server.port, "/?token=0123", std::nullopt).starts_with("HTTP/1.1 401"));
    // The right token is let in by the same raw request.
    EXPECT_TRUE(rawUpgrade(server.port, tokenTarget(), kDevOrigin).starts_with("HTTP/1.1 101"));
    EXPECT_TRUE(server.target.calls.empty());
}

/// An IPv4 address of this machine that is not loopback, if it has one.
std::optional<std::string> outsideAddress() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return std::nullopt;
    }
    std::optional<std::string> found;
    for (const ifaddrs* entry = list; entry != nullptr && !found; entry = entry->ifa_next) {
        if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) {
            continue;
        }
        const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        const auto v4 = boost::asio::ip::address_v4{ntohl(address->sin_addr.s_addr)};
        if (!v4.is_loopback()) {
            found = v4.to_string();
        }
    }
    freeifaddrs(list);
    return found;
}

TEST(BridgeServer, ListensOnLoopbackOnly) {
    ServerUnderTest server;
    const auto address = outsideAddress();
    if (!address) {
        GTEST_SKIP() << "this machine has no IPv4 address but loopback";
    }
    boost::asio::io_context io;
    tcp::socket socket{io};
    boost::system::error_code error;
    socket.connect({boost::asio::ip::make_address(*address), server.port}, error);
    EXPECT_EQ(error, boost::asio::error::connection_refused) << *address << ": " << error.message();
}

TEST(BridgeServer, BadJsonGetsAnErrorAndChangesNothing) {
    ServerUnderTest server;
    Client page{server.port, tokenTarget(), std::nullopt};
    page.send("{\"jsonrpc\": \"2.0\", \"method\": ");
    EXPECT_EQ(page.nextReply()["error"]["code"], -32700);
    page.send(std::string(200 * 1024, '['));
    const json tooLong = page.nextReply();
    EXPECT_EQ(tooLong["error"]["code"], -32600) << tooLong.dump();
    EXPECT_TRUE(server.target.calls.empty());
    // Still connected, still answered.
    EXPECT_TRUE(page.call("parameters.list", json::object()).contains("result"));
}

TEST(BridgeServer, AMalformedFrameClosesOnlyThatConnection) {
    ServerUnderTest server;
    Client good{server.port, tokenTarget(), std::nullopt};
    Client bad{server.port, tokenTarget(), std::nullopt};
    ASSERT_TRUE(good.connected() && bad.connected());
    // An unmasked frame with a reserved opcode: a client may send neither.
    const std::string junk{"\x83\x05hello", 7};
    boost::asio::write(bad.socket(), boost::asio::buffer(junk));
    EXPECT_TRUE(bad.readError());
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
    EXPECT_NE(server.lastLog().find("closed the connection"), std::string::npos);
    EXPECT_TRUE(good.call("parameters.list", json::object()).contains("result"));
    EXPECT_EQ(server.connections(), 1U);
}

TEST(BridgeServer, PlainHttpIsToldWhatThisIs) {
    ServerUnderTest server;
    boost::asio::io_context io;
    tcp::socket socket{io};
    socket.connect({boost::asio::ip::address_v4::loopback(), server.port});
    const std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    boost::asio::write(socket, boost::asio::buffer(request));
    std::string response(512, '\0');
    boost::system::error_code error;
    response.resize(socket.read_some(boost::asio::buffer(response), error));
    EXPECT_TRUE(response.starts_with("HTTP/1.1 426")) << response;
    EXPECT_NE(response.find("WebSocket"), std::string::npos);
}

TEST(BridgeServer, MetersReachTheClientInDecibels) {
    ServerUnderTest server;
    server.target.meters = {{0.5F, 0.25F, 0}, {0.5F, 0.25F, 0}};
    Client page{server.port, tokenTarget(), std::nullopt};
    ASSERT_TRUE(page.connected());
    server.waitForConnections(1);
    for (int tick = 0; tick < 5; ++tick) {
        server.tick();
        std::this_thread::sleep_for(bridge::BridgeSession::kMeterInterval);
    }
    json meters;
    while (meters.is_null()) {
        const json message = page.nextOfAnyKind();
        if (message.value("method", "") == "meters") {
            meters = message;
        }
    }
    ASSERT_EQ(meters["params"]["channels"].size(), 2U);
    EXPECT_NEAR(meters["params"]["channels"][1]["peakDb"].get<double>(), -6.02, 0.01);
    EXPECT_NEAR(meters["params"]["channels"][1]["rmsDb"].get<double>(), -12.04, 0.01);
}

}  // namespace
}  // namespace vstkit::bridge_server
