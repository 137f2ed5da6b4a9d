// Any message a page may send: the session must answer with valid JSON (or
// nothing, for a notification), never crash, and keep every value in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "recording_target.h"
#include "vstkit/bridge/bridge_session.h"
#include "vstkit/protocol/testing/every_kind_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& table = vstkit::protocol::testing::kEveryKindTable;
    vstkit::bridge::testing::RecordingTarget target{table.size()};
    {
        vstkit::bridge::BridgeSession session{table, target};
        const std::string_view message{reinterpret_cast<const char*>(data), size};
        const std::string reply = session.handle(message);
        if (!reply.empty() && nlohmann::json::parse(reply, nullptr, false).is_discarded()) {
            std::abort();  // A reply the page could not read.
        }
        (void)session.pendingNotifications(std::chrono::steady_clock::now());
    }
    for (const float value : target.values) {
        if (!(value >= 0.0F && value <= 1.0F)) {
            std::abort();  // A normalized value out of range reached the host.
        }
    }
    return 0;
}
