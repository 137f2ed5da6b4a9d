// Counts a JACK server's xruns for a while, and can load the server with
// many plugin cores in its own process callback meanwhile.
//
//   vstkit_jack_xruns [--seconds N] [--cores M] [--name CLIENT]
//
// Without --cores it only listens: start it beside the app under test. With
// --cores M it registers two inputs and two outputs between system:capture
// and system:playback, copies input to output and runs M AudioCores in series
// on every block (M = 0: a bare pass-through client, the control). Prints one
// JSON line: xruns, cycles, JACK's DSP load (mean, max) and, with a process
// callback, the time it took (mean, max).
#include <jack/jack.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "core_chain.h"
#include "vstkit/core/realtime_guard.h"

namespace {

/// How often the main thread reads JACK's DSP load.
constexpr auto kLoadInterval = std::chrono::milliseconds{100};

struct Settings {
    int seconds = 60;
    /// Empty: listen only, no process callback.
    std::optional<std::size_t> cores;
    std::string name = "vstkit-jack-xruns";
};

/// What the client counts. The process callback alone writes the timing
/// fields; the main thread reads them after jack_deactivate().
struct Counters {
    std::atomic<std::uint64_t> xruns{0};
    std::uint64_t cycles = 0;
    double processSecondsTotal = 0.0;
    double processSecondsMax = 0.0;
};

struct Client {
    jack_client_t* jack = nullptr;
    std::array<jack_port_t*, 2> inputs{};
    std::array<jack_port_t*, 2> outputs{};
    std::unique_ptr<vstkit::bench::CoreChain> chain;
    Counters counters;
};

double monotonicSeconds() noexcept {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);  // The vDSO: no system call.
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

int onXrun(void* argument) {
    static_cast<Client*>(argument)->counters.xruns.fetch_add(1, std::memory_order_relaxed);
    return 0;
}

int onProcess(jack_nframes_t frames, void* argument) {
    const vstkit::core::RealtimeGuard guard;
    auto& client = *static_cast<Client*>(argument);
    const double start = monotonicSeconds();
    std::array<float*, 2> channels{};
    for (std::size_t channel = 0; channel < 2; ++channel) {
        const auto* input =
            static_cast<const float*>(jack_port_get_buffer(client.inputs[channel], frames));
        channels[channel] =
            static_cast<float*>(jack_port_get_buffer(client.outputs[channel], frames));
        std::copy_n(input, frames, channels[channel]);
    }
    client.chain->process(channels, frames);
    const double took = monotonicSeconds() - start;
    client.counters.processSecondsTotal += took;
    client.counters.processSecondsMax = std::max(client.counters.processSecondsMax, took);
    ++client.counters.cycles;
    return 0;
}

template <typename Number>
std::optional<Number> parseNumber(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<Settings> parseSettings(int argc, char** argv) {
    Settings settings;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view option = argv[i];
        const std::string_view value = argv[i + 1];
        if (option == "--seconds") {
            const auto seconds = parseNumber<int>(value);
            if (!seconds || *seconds <= 0) {
                return std::nullopt;
            }
            settings.seconds = *seconds;
        } else if (option == "--cores") {
            settings.cores = parseNumber<std::size_t>(value);
            if (!settings.cores) {
                return std::nullopt;
            }
        } else if (option == "--name") {
            settings.name = value;
        } else {
            return std::nullopt;
        }
    }
    return argc % 2 == 1 ? std::optional{settings} : std::nullopt;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "vstkit_jack_xruns: %s\n", message.c_str());
    return 1;
}

/// Registers the ports and puts the client between capture and playback.
bool addPorts(Client& client) {
    for (std::size_t channel = 0; channel < 2; ++channel) {
        const std::string suffix = std::to_string(channel + 1);
        client.inputs[channel] = jack_port_register(client.jack, ("in_" + suffix).c_str(),
                                                    JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        client.outputs[channel] = jack_port_register(client.jack, ("out_" + suffix).c_str(),
                                                     JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
        if (client.inputs[channel] == nullptr || client.outputs[channel] == nullptr) {
            return false;
        }
    }
    return true;
}

void connectToSystem(Client& client) {
    for (std::size_t channel = 0; channel < 2; ++channel) {
        const std::string suffix = std::to_string(channel + 1);
        // The dummy driver has both; a missing port only leaves ours unconnected.
        jack_connect(client.jack, ("system:capture_" + suffix).c_str(),
                     jack_port_name(client.inputs[channel]));
        jack_connect(client.jack, jack_port_name(client.outputs[channel]),
                     ("system:playback_" + suffix).c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const auto settings = parseSettings(argc, argv);
    if (!settings) {
        return fail("usage: vstkit_jack_xruns [--seconds N] [--cores M] [--name CLIENT]");
    }
    Client client;
    jack_status_t status{};
    client.jack = jack_client_open(settings->name.c_str(), JackNoStartServer, &status);
    if (client.jack == nullptr) {
        return fail("cannot connect to the JACK server (status " + std::to_string(status) + ")");
    }
    const jack_nframes_t sampleRate = jack_get_sample_rate(client.jack);
    const jack_nframes_t bufferFrames = jack_get_buffer_size(client.jack);
    jack_set_xrun_callback(client.jack, onXrun, &client);
    if (settings->cores) {
        client.chain =
            std::make_unique<vstkit::bench::CoreChain>(*settings->cores, sampleRate, bufferFrames);
        if (!addPorts(client)) {
            return fail("cannot register ports");
        }
        jack_set_process_callback(client.jack, onProcess, &client);
    }
    if (jack_activate(client.jack) != 0) {
        return fail("cannot activate the client");
    }
    if (settings->cores) {
        connectToSystem(client);
    }

    double loadSum = 0.0;
    double loadMax = 0.0;
    std::uint64_t loadSamples = 0;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds{settings->seconds};
    while (std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(kLoadInterval);
        const double load = jack_cpu_load(client.jack);
        loadSum += load;
        loadMax = std::max(loadMax, load);
        ++loadSamples;
    }
    jack_deactivate(client.jack);
    jack_client_close(client.jack);

    const Counters& counters = client.counters;
    const double cycles = static_cast<double>(std::max<std::uint64_t>(counters.cycles, 1));
    std::printf(
        "{\"client\": \"%s\", \"seconds\": %d, \"process_callback\": %s, \"cores\": %zu, "
        "\"sample_rate\": %u, "
        "\"buffer_frames\": %u, \"xruns\": %llu, \"cycles\": %llu, \"dsp_load_mean_percent\": "
        "%.2f, \"dsp_load_max_percent\": %.2f, \"process_mean_us\": %.2f, "
        "\"process_max_us\": %.2f, \"cycle_budget_us\": %.2f}\n",
        settings->name.c_str(), settings->seconds, settings->cores ? "true" : "false",
        settings->cores.value_or(0), sampleRate, bufferFrames,
        static_cast<unsigned long long>(counters.xruns.load()),
        static_cast<unsigned long long>(counters.cycles),
        loadSamples > 0 ? loadSum / static_cast<double>(loadSamples) : 0.0, loadMax,
        counters.processSecondsTotal / cycles * 1e6, counters.processSecondsMax * 1e6,
        1e6 * bufferFrames / sampleRate);
    return 0;
}
