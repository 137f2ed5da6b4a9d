#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vstkit/bridge/bridge_target.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::bridge {

/// One page's JSON-RPC 2.0 conversation with the plugin, as written down in
/// engine/bridge/schema/bridge.json: it answers the page's requests and
/// makes the notifications the page follows (parameter.changed, meters).
///
/// Bad input never changes anything: malformed JSON, an unknown method or
/// parameter, a wrong type, NaN or Inf, or a message over kMaxMessageBytes
/// each get a JSON-RPC error. Out-of-range values are clamped to the row's
/// range, and the reply says the value applied.
///
/// Not thread-safe: one thread (the editor's) calls everything.
class BridgeSession final {
  public:
    static constexpr std::size_t kMaxMessageBytes = 64 * 1024;
    /// Meters go out at most this often.
    static constexpr std::chrono::milliseconds kMeterInterval{33};

    BridgeSession(std::span<const protocol::ParamSpec> parameters, BridgeTarget& target);
    /// Ends any gesture the page left open, so the host's automation pass ends.
    ~BridgeSession();
    BridgeSession(const BridgeSession&) = delete;
    BridgeSession& operator=(const BridgeSession&) = delete;
    BridgeSession(BridgeSession&&) = delete;
    BridgeSession& operator=(BridgeSession&&) = delete;

    /// Handles one message from the page (a request, a notification or a
    /// batch) and returns the reply, or an empty string when none is due
    /// (notifications get none).
    [[nodiscard]] std::string handle(std::string_view message);

    /// The notifications due now: parameter.changed for each row whose value
    /// moved since the page last saw it (host automation, another editor,
    /// loaded state), and meters when kMeterInterval has passed.
    [[nodiscard]] std::vector<std::string> pendingNotifications(
        std::chrono::steady_clock::time_point now);

    /// Ends every gesture the page began and did not end (page gone).
    void endOpenGestures();

  private:
    struct Impl;
    std::span<const protocol::ParamSpec> parameters_;
    BridgeTarget& target_;
    std::vector<float> lastSentNormalized_;
    std::vector<bool> gestureOpen_;
    std::chrono::steady_clock::time_point lastMeters_{};
};

}  // namespace vstkit::bridge
