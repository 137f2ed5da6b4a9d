#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vstkit::bridge_server {

/// Who may open the bridge: a browser page from one of the allowed Origins
/// (the dev server's), or a program that sends no Origin at all, and either
/// way only with this run's token in the address (?token=…).
struct HandshakeRules {
    std::string token;
    std::vector<std::string> allowedOrigins;
};

/// An HTTP answer to an upgrade request that is refused, with the reason in
/// one line (the status text's body, and what the engine prints).
struct HandshakeRefusal {
    unsigned status = 403;
    std::string reason;
};

/// What a WebSocket upgrade request says about itself.
struct HandshakeRequest {
    bool isWebSocketUpgrade = false;
    /// The request target, e.g. "/?token=abc".
    std::string_view target;
    /// The Origin header, when there is one (browsers always send it).
    std::optional<std::string_view> origin;
};

/// nullopt when the request may become a bridge connection.
[[nodiscard]] std::optional<HandshakeRefusal> checkHandshake(const HandshakeRules& rules,
                                                             const HandshakeRequest& request);

/// A fresh token: 128 random bits as 32 hex digits, from the kernel's generator.
[[nodiscard]] std::string makeToken();

}  // namespace vstkit::bridge_server
