#pragma once

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "vstkit/bridge/bridge_target.h"
#include "vstkit/bridge_server/handshake_rules.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::bridge_server {

class BridgeConnection;
struct ServerState;

/// The editor bridge over WebSocket (Boost.Beast), for a page in a browser:
/// the same JSON-RPC messages the web editor's helper carries, meters
/// included. Listens on 127.0.0.1 only; each connection passes
/// checkHandshake() (Origin and token) and gets its own bridge::BridgeSession
/// on the shared target.
///
/// Runs on the thread that runs `io` (never the audio thread); everything,
/// the target's calls included, happens there.
class BridgeServer final {
  public:
    struct Config {
        /// 0: any free port (port() says which).
        std::uint16_t port = 0;
        HandshakeRules rules;
        std::span<const protocol::ParamSpec> parameters;
        /// One line for the console: a refused or dropped connection.
        std::function<void(std::string_view)> log;
    };

    /// Throws boost::system::system_error when the port cannot be bound.
    BridgeServer(boost::asio::io_context& io, Config config, bridge::BridgeTarget& target);
    ~BridgeServer();
    BridgeServer(const BridgeServer&) = delete;
    BridgeServer& operator=(const BridgeServer&) = delete;
    BridgeServer(BridgeServer&&) = delete;
    BridgeServer& operator=(BridgeServer&&) = delete;

    [[nodiscard]] std::uint16_t port() const noexcept;
    [[nodiscard]] std::size_t connectionCount() const noexcept;

    /// Sends every connection what is due (values that moved, meters): on a
    /// timer, and right after any connection changed a value.
    void sendPendingNotifications(std::chrono::steady_clock::time_point now);

  private:
    std::shared_ptr<ServerState> state_;
};

}  // namespace vstkit::bridge_server
