// A JACK client for the standalone app's tests: it plays a 1 kHz sine at
// -12 dBFS on two output ports, records what comes back on two input ports
// once both are connected and settled, and prints the level change in dB.
//
//   jack_tone_client NAME TIMEOUT_SECONDS [SETTLE_MS]
//
// SETTLE_MS (default 500) is the wait between the app connecting and the
// recording: past connection transients and any 20 ms gain ramp, or long
// enough for a test to change a parameter first.
//
// The app under test opens it as its device (--api jack --device NAME), so
// RtAudio connects the app's inputs to our outputs and its outputs to our
// inputs. Prints "left -6.000 dB right -6.000 dB" and exits 0, or one line
// on stderr and exits 1.
#include <jack/jack.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr double kToneHz = 1000.0;
constexpr double kToneAmplitude = 0.25;
// One second holds a whole number of 1 kHz periods at any sample rate, so
// the RMS of the recording is exact whatever the round-trip latency.
constexpr double kRecordSeconds = 1.0;
constexpr int kDefaultSettleMs = 500;

struct ToneClient {
    jack_client_t* client = nullptr;
    std::array<jack_port_t*, 2> outputs{};
    std::array<jack_port_t*, 2> inputs{};
    double phase = 0.0;
    double phaseStep = 0.0;
    std::array<std::vector<float>, 2> recorded;
    std::size_t recordedFrames = 0;
    std::atomic<bool> recording{false};
    std::atomic<bool> recordingDone{false};
};

int process(jack_nframes_t frames, void* argument) {
    auto& tone = *static_cast<ToneClient*>(argument);
    std::array<float*, 2> out{};
    std::array<const float*, 2> in{};
    for (std::size_t channel = 0; channel < 2; ++channel) {
        out[channel] = static_cast<float*>(jack_port_get_buffer(tone.outputs[channel], frames));
        in[channel] = static_cast<const float*>(jack_port_get_buffer(tone.inputs[channel], frames));
    }
    for (jack_nframes_t i = 0; i < frames; ++i) {
        const auto sample = static_cast<float>(kToneAmplitude * std::sin(tone.phase));
        out[0][i] = sample;
        out[1][i] = sample;
        tone.phase = std::fmod(tone.phase + tone.phaseStep, 2.0 * std::numbers::pi);
    }
    if (tone.recording.load(std::memory_order_acquire) &&
        !tone.recordingDone.load(std::memory_order_relaxed)) {
        const std::size_t room = tone.recorded[0].size() - tone.recordedFrames;
        const std::size_t count = std::min<std::size_t>(room, frames);
        for (std::size_t channel = 0; channel < 2; ++channel) {
            std::copy_n(
                in[channel], count,
                tone.recorded[channel].begin() + static_cast<std::ptrdiff_t>(tone.recordedFrames));
        }
        tone.recordedFrames += count;
        if (tone.recordedFrames == tone.recorded[0].size()) {
            tone.recordingDone.store(true, std::memory_order_release);
        }
    }
    return 0;
}

bool waitFor(const auto& condition, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    return true;
}

double levelDb(const std::vector<float>& samples) {
    double sum = 0.0;
    for (const float sample : samples) {
        sum += static_cast<double>(sample) * static_cast<double>(sample);
    }
    const double rms = std::sqrt(sum / static_cast<double>(samples.size()));
    return 20.0 * std::log10(rms / (kToneAmplitude / std::numbers::sqrt2));
}

int fail(const std::string& message) {
    std::fprintf(stderr, "jack_tone_client: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        return fail("usage: jack_tone_client NAME TIMEOUT_SECONDS [SETTLE_MS]");
    }
    const std::chrono::seconds timeout{std::atoi(argv[2])};
    const std::chrono::milliseconds settleTime{argc == 4 ? std::atoi(argv[3]) : kDefaultSettleMs};
    ToneClient tone;
    jack_status_t status{};
    tone.client = jack_client_open(
        argv[1], static_cast<jack_options_t>(JackNoStartServer | JackUseExactName), &status);
    if (tone.client == nullptr) {
        return fail("cannot open a JACK client (status " + std::to_string(status) + ")");
    }
    const double rate = jack_get_sample_rate(tone.client);
    tone.phaseStep = 2.0 * std::numbers::pi * kToneHz / rate;
    for (auto& channel : tone.recorded) {
        channel.assign(static_cast<std::size_t>(rate * kRecordSeconds), 0.0F);
    }
    for (std::size_t channel = 0; channel < 2; ++channel) {
        const std::string suffix = std::to_string(channel + 1);
        tone.outputs[channel] = jack_port_register(tone.client, ("out_" + suffix).c_str(),
                                                   JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
        tone.inputs[channel] = jack_port_register(tone.client, ("in_" + suffix).c_str(),
                                                  JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        if (tone.outputs[channel] == nullptr || tone.inputs[channel] == nullptr) {
            return fail("cannot register ports");
        }
    }
    jack_set_process_callback(tone.client, process, &tone);
    if (jack_activate(tone.client) != 0) {
        return fail("cannot activate the client");
    }
    const bool connected = waitFor(
        [&tone] {
            for (std::size_t channel = 0; channel < 2; ++channel) {
                if (jack_port_connected(tone.inputs[channel]) == 0 ||
                    jack_port_connected(tone.outputs[channel]) == 0) {
                    return false;
                }
            }
            return true;
        },
        timeout);
    if (!connected) {
        jack_client_close(tone.client);
        return fail("the app never connected to all four ports");
    }
    std::this_thread::sleep_for(settleTime);
    tone.recording.store(true, std::memory_order_release);
    const bool recorded =
        waitFor([&tone] { return tone.recordingDone.load(std::memory_order_acquire); }, timeout);
    jack_client_close(tone.client);
    if (!recorded) {
        return fail("the recording did not finish");
    }
    std::printf("left %.3f dB right %.3f dB\n", levelDb(tone.recorded[0]),
                levelDb(tone.recorded[1]));
    return 0;
}
