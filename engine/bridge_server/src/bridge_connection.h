#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "server_state.h"
#include "vstkit/bridge/bridge_session.h"

namespace vstkit::bridge_server {

/// One client: its HTTP upgrade request (checked against the handshake
/// rules), then its WebSocket messages, each answered by its own bridge
/// session. Replies and notifications go out in order through one outbox.
class BridgeConnection final : public std::enable_shared_from_this<BridgeConnection> {
  public:
    BridgeConnection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerState> server);

    void start();
    /// Queues what this client has not seen yet (moved values, meters);
    /// `pushedAfterChange`: sent because another client just moved a value.
    void sendPending(std::chrono::steady_clock::time_point now, bool pushedAfterChange = false);
    void close();
    /// When a change was last pushed to this client between ticks.
    [[nodiscard]] std::chrono::steady_clock::time_point lastPush() const noexcept {
        return lastPush_;
    }
    [[nodiscard]] bool isOpen() const noexcept { return session_ != nullptr && !closed_; }

  private:
    void onRequest(boost::beast::error_code error);
    void refuse(unsigned status, const std::string& reason);
    void onAccepted(boost::beast::error_code error);
    void readNext();
    void onMessage(boost::beast::error_code error);
    void queue(std::string message);
    void writeNext();
    void drop(const std::string& why);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    std::shared_ptr<ServerState> server_;
    std::string peer_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> request_;
    boost::beast::http::response<boost::beast::http::string_body> refusal_;
    std::unique_ptr<bridge::BridgeSession> session_;
    std::deque<std::string> outbox_;
    std::chrono::steady_clock::time_point lastPush_{};
    bool writing_ = false;
    bool closed_ = false;
};

}  // namespace vstkit::bridge_server
