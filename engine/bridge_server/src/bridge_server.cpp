#include "vstkit/bridge_server/bridge_server.h"

#include <algorithm>
#include <boost/asio/ip/address_v4.hpp>
#include <utility>

#include "bridge_connection.h"
#include "server_state.h"

namespace vstkit::bridge_server {
namespace {

using boost::asio::ip::tcp;

void acceptNext(const std::shared_ptr<ServerState>& state) {
    state->acceptor.async_accept([state](boost::system::error_code error, tcp::socket socket) {
        if (state->stopped) {
            return;
        }
        if (!error) {
            std::make_shared<BridgeConnection>(std::move(socket), state)->start();
        }
        acceptNext(state);
    });
}

}  // namespace

void ServerState::notifyAll(std::chrono::steady_clock::time_point now, bool afterChange) {
    forgetClosed();
    // A copy: sending may drop a connection, which edits the list.
    const auto current = connections;
    for (const auto& weak : current) {
        const auto connection = weak.lock();
        if (connection && (!afterChange || now - connection->lastPush() >= kPushInterval)) {
            connection->sendPending(now, afterChange);
        }
    }
}

void ServerState::forgetClosed() {
    std::erase_if(connections, [](const std::weak_ptr<BridgeConnection>& weak) {
        const auto connection = weak.lock();
        return !connection || !connection->isOpen();
    });
}

BridgeServer::BridgeServer(boost::asio::io_context& io, Config config, bridge::BridgeTarget& target)
    : state_(std::make_shared<ServerState>(io, std::move(config), target)) {
    // Loopback only: the bridge drives the plugin, and no one else's machine may.
    const tcp::endpoint endpoint{boost::asio::ip::address_v4::loopback(), state_->config.port};
    state_->acceptor.open(endpoint.protocol());
    state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    state_->acceptor.bind(endpoint);
    state_->acceptor.listen();
    acceptNext(state_);
}

BridgeServer::~BridgeServer() {
    state_->stopped = true;
    boost::system::error_code ignored;
    state_->acceptor.close(ignored);
    for (const auto& weak : state_->connections) {
        if (const auto connection = weak.lock()) {
            connection->close();
        }
    }
}

std::uint16_t BridgeServer::port() const noexcept {
    boost::system::error_code error;
    const auto endpoint = state_->acceptor.local_endpoint(error);
    return error ? 0 : endpoint.port();
}

std::size_t BridgeServer::connectionCount() const noexcept {
    state_->forgetClosed();
    return state_->connections.size();
}

void BridgeServer::sendPendingNotifications(std::chrono::steady_clock::time_point now) {
    state_->notifyAll(now);
}

}  // namespace vstkit::bridge_server
