#include "vstkit/bridge_server/handshake_rules.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace vstkit::bridge_server {
namespace {

int hexDigit(char digit) {
    if (digit >= '0' && digit <= '9') {
        return digit - '0';
    }
    if (digit >= 'a' && digit <= 'f') {
        return digit - 'a' + 10;
    }
    if (digit >= 'A' && digit <= 'F') {
        return digit - 'A' + 10;
    }
    return -1;
}

/// "%41" → 'A': a browser may escape the token's characters.
std::string percentDecoded(std::string_view text) {
    std::string decoded;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '%' && at + 2 < text.size()) {
            const int high = hexDigit(text[at + 1]);
            const int low = hexDigit(text[at + 2]);
            if (high >= 0 && low >= 0) {
                decoded.push_back(static_cast<char>(high * 16 + low));
                at += 2;
                continue;
            }
        }
        decoded.push_back(text[at] == '+' ? ' ' : text[at]);
    }
    return decoded;
}

std::optional<std::string> queryValue(std::string_view target, std::string_view key) {
    const auto question = target.find('?');
    if (question == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto equals = pair.find('=');
        if (pair.substr(0, equals) == key) {
            return equals == std::string_view::npos ? std::string{}
                                                    : percentDecoded(pair.substr(equals + 1));
        }
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return std::nullopt;
}

/// Compares in time that does not depend on where the texts differ.
bool sameSecret(std::string_view given, std::string_view expected) {
    std::uint8_t difference = given.size() == expected.size() ? 0 : 1;
    for (std::size_t at = 0; at < expected.size(); ++at) {
        const char mine = at < given.size() ? given[at] : '\0';
        difference |= static_cast<std::uint8_t>(mine ^ expected[at]);
    }
    return difference == 0;
}

}  // namespace

std::optional<HandshakeRefusal> checkHandshake(const HandshakeRules& rules,
                                               const HandshakeRequest& request) {
    if (!request.isWebSocketUpgrade) {
        return HandshakeRefusal{426, "this is the plugin's bridge: connect with a WebSocket"};
    }
    if (request.origin) {
        const bool allowed = std::find(rules.allowedOrigins.begin(), rules.allowedOrigins.end(),
                                       *request.origin) != rules.allowedOrigins.end();
        if (!allowed) {
            return HandshakeRefusal{403,
                                    "a page from " + std::string{*request.origin} +
                                        " may not use the bridge (not the dev server's Origin)"};
        }
    }
    const auto token = queryValue(request.target, "token");
    if (!token) {
        return HandshakeRefusal{401,
                                "the bridge needs this run's token (?token=…, printed by the "
                                "engine)"};
    }
    if (!sameSecret(*token, rules.token)) {
        return HandshakeRefusal{401, "wrong token: it changes every run; use the printed address"};
    }
    return std::nullopt;
}

std::string makeToken() {
    std::array<std::uint8_t, 16> bytes{};
    if (getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
        throw std::runtime_error("the kernel gave no random bytes for the bridge's token");
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string token;
    for (const std::uint8_t byte : bytes) {
        token.push_back(kHex[byte >> 4U]);
        token.push_back(kHex[byte & 0x0FU]);
    }
    return token;
}

}  // namespace vstkit::bridge_server
