#include "bridge_connection.h"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <utility>

namespace vstkit::bridge_server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

/// A client slower than this many messages is not reading: it is dropped
/// rather than letting its queue grow without end.
constexpr std::size_t kMaxQueuedMessages = 1024;
/// A frame may be larger than the bridge's own limit, so that a long message
/// gets the bridge's JSON-RPC error instead of a closed socket.
constexpr std::size_t kMaxFrameBytes = 1024 * 1024;
constexpr std::uint32_t kMaxRequestHeaderBytes = 8 * 1024;
constexpr auto kHandshakeTimeout = std::chrono::seconds{10};

}  // namespace

BridgeConnection::BridgeConnection(boost::asio::ip::tcp::socket socket,
                                   std::shared_ptr<ServerState> server)
    : ws_(std::move(socket)), server_(std::move(server)) {
    boost::system::error_code error;
    const auto remote = beast::get_lowest_layer(ws_).socket().remote_endpoint(error);
    peer_ = error ? std::string{"a client"}
                  : remote.address().to_string() + ":" + std::to_string(remote.port());
}

void BridgeConnection::start() {
    request_.emplace();
    request_->header_limit(kMaxRequestHeaderBytes);
    beast::get_lowest_layer(ws_).expires_after(kHandshakeTimeout);
    http::async_read(ws_.next_layer(), buffer_, *request_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                         self->onRequest(error);
                     });
}

void BridgeConnection::onRequest(beast::error_code error) {
    if (error) {
        drop("its request was not HTTP (" + error.message() + ")");
        return;
    }
    const auto& request = request_->get();
    HandshakeRequest asked;
    asked.isWebSocketUpgrade = websocket::is_upgrade(request);
    asked.target = std::string_view{request.target().data(), request.target().size()};
    if (const auto origin = request.find(http::field::origin); origin != request.end()) {
        asked.origin = std::string_view{origin->value().data(), origin->value().size()};
    }
    if (const auto refusal = checkHandshake(server_->config.rules, asked)) {
        refuse(refusal->status, refusal->reason);
        return;
    }
    ws_.read_message_max(kMaxFrameBytes);
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(http::field::server, "vstkit bridge");
    }));
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code acceptError) {
        self->onAccepted(acceptError);
    });
}

void BridgeConnection::refuse(unsigned status, const std::string& reason) {
    if (server_->config.log) {
        server_->config.log("refused " + peer_ + ": " + reason);
    }
    refusal_.version(request_->get().version());
    refusal_.result(status);
    refusal_.set(http::field::content_type, "text/plain; charset=utf-8");
    refusal_.set(http::field::connection, "close");
    refusal_.body() = reason + "\n";
    refusal_.prepare_payload();
    http::async_write(ws_.next_layer(), refusal_,
                      [self = shared_from_this()](beast::error_code, std::size_t) {
                          boost::system::error_code ignored;
                          auto& socket = beast::get_lowest_layer(self->ws_).socket();
                          socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
                          socket.close(ignored);
                          self->closed_ = true;
                      });
}

void BridgeConnection::onAccepted(beast::error_code error) {
    if (error) {
        drop("the WebSocket handshake failed (" + error.message() + ")");
        return;
    }
    session_ = std::make_unique<bridge::BridgeSession>(server_->config.parameters, server_->target);
    server_->connections.push_back(weak_from_this());
    readNext();
}

void BridgeConnection::readNext() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->onMessage(error);
    });
}

void BridgeConnection::onMessage(beast::error_code error) {
    if (error) {
        if (error == websocket::error::closed || error == boost::asio::error::operation_aborted) {
            close();
        } else {
            drop("the connection failed (" + error.message() + ")");
        }
        return;
    }
    const std::string message = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    if (std::string reply = session_->handle(message); !reply.empty()) {
        queue(std::move(reply));
    }
    // Another client sees this one's change now, not at the next tick.
    server_->notifyAll(std::chrono::steady_clock::now(), true);
    if (!closed_) {
        readNext();
    }
}

void BridgeConnection::sendPending(std::chrono::steady_clock::time_point now,
                                   bool pushedAfterChange) {
    if (!isOpen()) {
        return;
    }
    auto notifications = session_->pendingNotifications(now);
    if (notifications.empty()) {
        return;
    }
    if (pushedAfterChange) {
        lastPush_ = now;
    }
    for (std::string& notification : notifications) {
        queue(std::move(notification));
    }
}

void BridgeConnection::queue(std::string message) {
    if (closed_) {
        return;
    }
    if (outbox_.size() >= kMaxQueuedMessages) {
        drop("it stopped reading (" + std::to_string(outbox_.size()) + " messages queued)");
        return;
    }
    outbox_.push_back(std::move(message));
    if (!writing_) {
        writeNext();
    }
}

void BridgeConnection::writeNext() {
    if (outbox_.empty() || closed_) {
        writing_ = false;
        return;
    }
    writing_ = true;
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(outbox_.front()),
                    [self = shared_from_this()](beast::error_code error, std::size_t) {
                        if (self->closed_) {
                            return;
                        }
                        if (error) {
                            self->drop("a write failed (" + error.message() + ")");
                            return;
                        }
                        self->outbox_.pop_front();
                        self->writeNext();
                    });
}

void BridgeConnection::drop(const std::string& why) {
    if (closed_) {
        return;
    }
    if (server_->config.log && !server_->stopped) {
        server_->config.log("closed the connection from " + peer_ + ": " + why);
    }
    close();
}

void BridgeConnection::close() {
    if (closed_) {
        return;
    }
    closed_ = true;
    // The outbox stays: a write in flight still points into its front.
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
    // Ends any gesture the page left open.
    session_.reset();
}

}  // namespace vstkit::bridge_server
