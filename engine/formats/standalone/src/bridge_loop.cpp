#include "bridge_loop.h"

#include <unistd.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/system_error.hpp>
#include <chrono>
#include <functional>

#include "remembered_values.h"
#include "vstkit/bridge_server/bridge_server.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/ui/access_bridge_target.h"
#include "xrun_reporter.h"

namespace vstkit::formats::standalone {
namespace {

using Clock = std::chrono::steady_clock;

/// Often enough that a value moved by one page reaches the others and the
/// meters keep their 33 ms pace with little jitter.
constexpr auto kTick = std::chrono::milliseconds{10};
/// Values are written this long after they last changed, not on every drag step.
constexpr auto kSaveDelay = std::chrono::milliseconds{200};

/// Writes the values a little after they change.
class ValueKeeper final {
  public:
    ValueKeeper(std::optional<std::filesystem::path> file, const protocol::ParamValues& values)
        : file_(std::move(file)), saved_(values) {}

    void onTick(const protocol::ParamValues& values, Clock::time_point now,
                const Console& console) {
        if (!file_ || values == saved_) {
            changedAt_.reset();
            return;
        }
        if (!changedAt_ || values != pending_) {
            changedAt_ = now;
            pending_ = values;
            return;
        }
        if (now - *changedAt_ < kSaveDelay) {
            return;
        }
        if (const auto failure = saveRememberedValues(*file_, values); !failure.empty()) {
            console.warn("the values were not remembered: " + failure);
        }
        saved_ = values;
        changedAt_.reset();
    }

  private:
    std::optional<std::filesystem::path> file_;
    protocol::ParamValues saved_;
    protocol::ParamValues pending_;
    std::optional<Clock::time_point> changedAt_;
};

}  // namespace

std::optional<StopReason> runBridgeLoop(const BridgeLoopParts& parts, std::string& error) {
    boost::asio::io_context io;
    ui::AccessBridgeTarget target{parts.parameters};
    std::optional<bridge_server::BridgeServer> server;
    try {
        server.emplace(io,
                       bridge_server::BridgeServer::Config{
                           .port = static_cast<std::uint16_t>(parts.port),
                           .rules = {.token = parts.token, .allowedOrigins = parts.origins},
                           .parameters = core::pluginDefinition().parameters,
                           .log =
                               [&parts](std::string_view line) {
                                   parts.console.warn("bridge: " + std::string{line});
                               }},
                       target);
    } catch (const boost::system::system_error& failure) {
        error = "cannot serve the bridge on 127.0.0.1:" + std::to_string(parts.port) + ": " +
                failure.code().message();
        return std::nullopt;
    }
    parts.console.say("bridge on ws://127.0.0.1:" + std::to_string(server->port()) +
                      "/?token=" + parts.token);

    StopReason reason = StopReason::Signal;
    // The descriptor is the signal holder's: asio closes a copy of it.
    boost::asio::posix::stream_descriptor signals{io};
    if (parts.signals.fd() >= 0) {
        signals.assign(dup(parts.signals.fd()));
        signals.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                           [&](boost::system::error_code waitError) {
                               if (!waitError) {
                                   reason = StopReason::Signal;
                                   io.stop();
                               }
                           });
    }

    XrunReporter xruns;
    ValueKeeper keeper{parts.rememberedFile, parts.parameters.values()};
    bool listening = false;
    boost::asio::steady_timer timer{io};
    std::function<void()> tick = [&] {
        const Clock::time_point now = Clock::now();
        if (parts.driver.failure()) {
            reason = StopReason::AudioFailed;
            io.stop();
            return;
        }
        xruns.report(parts.audio.xruns(), parts.console);
        parts.parameters.onTimer();
        // The audio thread measures only while a page may show the meters.
        if (const bool anyPage = server->connectionCount() > 0; anyPage != listening) {
            listening = anyPage;
            parts.parameters.listenToMeters(listening);
        }
        server->sendPendingNotifications(now);
        keeper.onTick(parts.parameters.values(), now, parts.console);
        timer.expires_at(std::max(timer.expiry() + kTick, now));
        timer.async_wait([&](boost::system::error_code waitError) {
            if (!waitError) {
                tick();
            }
        });
    };
    timer.expires_after(kTick);
    timer.async_wait([&](boost::system::error_code waitError) {
        if (!waitError) {
            tick();
        }
    });
    io.run();
    // Ends every page's open gesture while the parameters are still here.
    server.reset();
    parts.parameters.listenToMeters(false);
    return reason;
}

}  // namespace vstkit::formats::standalone
