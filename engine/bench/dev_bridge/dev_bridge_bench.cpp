// ./vstkit bench: the browser dev mode's bridge, measured against the real
// engine (a plugin's standalone app with --input tone --ws-port 0):
//  - the WebSocket round trip from one client's parameter.set to another
//    client's parameter.changed (what a page sees of a second page's drag),
//    one set every 16 ms as a drag at 60 Hz sends them: the server pushes a
//    change at once unless it pushed one to that client within 8 ms (a
//    flood is coalesced), so sets back to back would time the coalescing;
//  - the meters' pace: notifications a second and the longest gap, over a
//    minute.
// Prints one JSON object.
//
// Usage: vstkit_dev_bridge_bench ENGINE [--seconds N] [--round-trips N]
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

/// A drag's pointer events arrive at the display's rate.
constexpr auto kDragStep = std::chrono::milliseconds{16};

/// The engine as ./vstkit dev starts it, its stdout read for the address.
class Engine {
  public:
    explicit Engine(const std::string& binary) {
        int pipeFds[2];
        if (pipe(pipeFds) != 0) {
            throw std::runtime_error("pipe failed");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
        std::vector<std::string> args{
            binary, "--no-window", "--input", "tone",       "--buffer",
            "256",  "--ws-port",   "0",       "--ws-token", std::string(kToken)};
        std::vector<char*> argv;
        for (auto& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
            throw std::runtime_error("cannot start " + binary);
        }
        posix_spawn_file_actions_destroy(&actions);
        close(pipeFds[1]);
        FILE* output = fdopen(pipeFds[0], "r");
        char line[512];
        const std::regex address{R"(ws://127\.0\.0\.1:(\d+)/)"};
        while (std::fgets(line, sizeof line, output) != nullptr) {
            std::cmatch match;
            if (std::regex_search(line, match, address)) {
                port_ = match[1].str();
                break;
            }
        }
        output_ = output;
        if (port_.empty()) {
            throw std::runtime_error("the engine printed no bridge address");
        }
    }
    ~Engine() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        std::fclose(output_);
    }
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    Engine(Engine&&) = delete;
    Engine& operator=(Engine&&) = delete;

    [[nodiscard]] const std::string& port() const { return port_; }
    static constexpr std::string_view kToken = "benchbenchbenchbenchbench";

  private:
    pid_t pid_ = -1;
    std::string port_;
    FILE* output_ = nullptr;
};

class Client {
  public:
    Client(boost::asio::io_context& io, const std::string& port) : ws_(io) {
        tcp::resolver resolver{io};
        boost::asio::connect(ws_.next_layer(), resolver.resolve("127.0.0.1", port));
        ws_.next_layer().set_option(tcp::no_delay(true));
        ws_.handshake("127.0.0.1", "/?token=" + std::string(Engine::kToken));
    }
    void send(const json& message) { ws_.write(boost::asio::buffer(message.dump())); }
    json next() {
        beast::flat_buffer buffer;
        ws_.read(buffer);
        return json::parse(beast::buffers_to_string(buffer.data()));
    }

  private:
    websocket::stream<tcp::socket> ws_;
};

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
    return values[index];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: vstkit_dev_bridge_bench ENGINE [--seconds N] [--round-trips N]\n");
        return 2;
    }
    int seconds = 60;
    int roundTrips = 500;
    for (int index = 2; index + 1 < argc; index += 2) {
        const std::string option = argv[index];
        const int value = std::atoi(argv[index + 1]);
        if (option == "--seconds") {
            seconds = value;
        } else if (option == "--round-trips") {
            roundTrips = value;
        }
    }
    try {
        Engine engine{argv[1]};
        boost::asio::io_context io;
        Client setter{io, engine.port()};
        Client watcher{io, engine.port()};

        // Round trips: setter sets, watcher sees it changed.
        std::vector<double> trips;
        for (int trip = 0; trip < roundTrips; ++trip) {
            const double value = trip % 2 == 0 ? -6.0 : -12.0;
            const auto sent = Clock::now();
            setter.send({{"jsonrpc", "2.0"},
                         {"id", trip},
                         {"method", "parameter.set"},
                         {"params", {{"id", "gain"}, {"value", value}}}});
            for (;;) {
                const json message = watcher.next();
                if (message.value("method", "") == "parameter.changed" &&
                    message["params"]["value"].get<double>() == value) {
                    break;
                }
            }
            trips.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
            static_cast<void>(setter.next());  // its reply
            std::this_thread::sleep_until(sent + kDragStep);
        }

        // Meters: the watcher alone, for `seconds`.
        std::vector<double> gaps;
        int meters = 0;
        auto last = Clock::now();
        const auto end = last + std::chrono::seconds{seconds};
        while (Clock::now() < end) {
            const json message = watcher.next();
            if (message.value("method", "") != "meters") {
                continue;
            }
            const auto now = Clock::now();
            if (meters > 0) {
                gaps.push_back(std::chrono::duration<double, std::milli>(now - last).count());
            }
            last = now;
            ++meters;
        }
        const json result{
            {"round_trips", roundTrips},
            {"round_trip_p50_ms", percentile(trips, 0.5)},
            {"round_trip_p99_ms", percentile(trips, 0.99)},
            {"meter_seconds", seconds},
            {"meters_per_second", static_cast<double>(meters) / seconds},
            {"meter_gap_max_ms", gaps.empty() ? 0.0 : *std::max_element(gaps.begin(), gaps.end())},
            {"meter_gap_p99_ms", gaps.empty() ? 0.0 : percentile(gaps, 0.99)}};
        std::printf("%s\n", result.dump(1).c_str());
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "vstkit_dev_bridge_bench: %s\n", failure.what());
        return 1;
    }
    return 0;
}
