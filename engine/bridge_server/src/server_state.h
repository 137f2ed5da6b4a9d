#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <memory>
#include <vector>

#include "vstkit/bridge_server/bridge_server.h"

namespace vstkit::bridge_server {

/// What the server and its connections share; owned by the server, kept
/// alive by any connection's pending handler.
struct ServerState {
    ServerState(boost::asio::io_context& ioContext, BridgeServer::Config serverConfig,
                bridge::BridgeTarget& plugin)
        : io(ioContext), acceptor(ioContext), config(std::move(serverConfig)), target(plugin) {}

    /// Every connection gets what is due. On a tick, everything; right after
    /// a client moved a value (`afterChange`), only connections not sent to
    /// within kPushInterval: a flood of edits reaches the other pages at most
    /// that often, coalesced to the latest values, and the tick sends the rest.
    void notifyAll(std::chrono::steady_clock::time_point now, bool afterChange = false);

    static constexpr std::chrono::milliseconds kPushInterval{8};
    void forgetClosed();

    boost::asio::io_context& io;
    boost::asio::ip::tcp::acceptor acceptor;
    BridgeServer::Config config;
    bridge::BridgeTarget& target;
    std::vector<std::weak_ptr<BridgeConnection>> connections;
    bool stopped = false;
};

}  // namespace vstkit::bridge_server
