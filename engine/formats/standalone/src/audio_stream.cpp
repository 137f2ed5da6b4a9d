#include "audio_stream.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>

#include "vstkit/core/realtime_guard.h"

namespace vstkit::formats::standalone {
namespace {

// RtAudio's thread priority when it runs the callback itself (ALSA, Pulse):
// below JACK's usual 70-95, above everything ordinary.
constexpr int kCallbackPriority = 60;

// RtAudio 5's error callback carries no user pointer, so the failure of the
// one stream a process opens is kept here. The first failing RtAudio thread
// writes the text, then publishes it.
std::atomic<bool> failureClaimed{false};
std::atomic<bool> failurePublished{false};
std::array<char, 256> failureText{};

void onStreamError(RtAudioError::Type type, const std::string& text) {
    // Warnings are xruns and retries; the status flags count xruns already.
    if (type == RtAudioError::WARNING || type == RtAudioError::DEBUG_WARNING ||
        failureClaimed.exchange(true, std::memory_order_acq_rel)) {
        return;
    }
    const std::size_t length = std::min(text.size(), failureText.size() - 1);
    std::memcpy(failureText.data(), text.data(), length);
    failureText[length] = '\0';
    failurePublished.store(true, std::memory_order_release);
}

}  // namespace

AudioStream::AudioStream(RtAudio::Api api) : api_(api), audio_(api) {
    // Failures reach us as exceptions or through onStreamError.
    audio_.showWarnings(false);
}

std::unique_ptr<AudioStream> AudioStream::open(const Request& request, AudioPath& path,
                                               const protocol::ParamValues& values,
                                               std::string& error) {
    try {
        std::unique_ptr<AudioStream> stream{new AudioStream(request.devices.api)};
        const DeviceChoice& devices = request.devices;
        RtAudio::StreamParameters output{.deviceId = devices.output.number,
                                         .nChannels = std::min(devices.output.outputChannels, 2U),
                                         .firstChannel = 0};
        std::optional<RtAudio::StreamParameters> input;
        if (devices.input) {
            input =
                RtAudio::StreamParameters{.deviceId = devices.input->number,
                                          .nChannels = std::min(devices.input->inputChannels, 2U),
                                          .firstChannel = 0};
        }
        RtAudio::StreamOptions options;
        // Planar buffers are what the plugin core takes, and JACK's own layout.
        options.flags =
            RTAUDIO_NONINTERLEAVED | RTAUDIO_MINIMIZE_LATENCY | RTAUDIO_SCHEDULE_REALTIME;
        options.priority = kCallbackPriority;
        options.streamName = request.clientName;
        unsigned bufferFrames = request.bufferFrames;
        stream->audio_.openStream(&output, input ? &*input : nullptr, RTAUDIO_FLOAT32,
                                  devices.sampleRate, &bufferFrames, &AudioStream::onAudio, &path,
                                  &options, &onStreamError);
        stream->sampleRate_ = stream->audio_.getStreamSampleRate();
        stream->bufferFrames_ = bufferFrames;
        stream->inputChannels_ = input ? input->nChannels : 0;
        stream->outputChannels_ = output.nChannels;
        path.prepare(stream->sampleRate_, bufferFrames, stream->inputChannels_,
                     stream->outputChannels_, values);
        return stream;
    } catch (const RtAudioError& failure) {
        error = failure.getMessage();
    } catch (const std::bad_alloc&) {
        error = "out of memory while opening the audio device";
    }
    return nullptr;
}

AudioStream::~AudioStream() {
    stop();
    // The JACK backend closes the stream itself when the server quits.
    if (audio_.isStreamOpen()) {
        audio_.closeStream();
    }
}

bool AudioStream::start(std::string& error) {
    try {
        audio_.startStream();
        return true;
    } catch (const RtAudioError& failure) {
        error = failure.getMessage();
        return false;
    }
}

void AudioStream::stop() noexcept {
    // Stopping a stream the JACK backend already closed would crash RtAudio 5.2.
    if (!audio_.isStreamOpen() || !audio_.isStreamRunning()) {
        return;
    }
    try {
        audio_.stopStream();
    } catch (const RtAudioError&) {
        // Already stopped by a device error: nothing left to stop.
    }
}

std::optional<std::string> AudioStream::failure() const {
    if (failurePublished.load(std::memory_order_acquire)) {
        return std::string{failureText.data()};
    }
    // RtAudio's JACK backend reports a server shutdown only by closing the stream.
    if (!audio_.isStreamOpen()) {
        return std::string{api_ == RtAudio::UNIX_JACK ? "the JACK server stopped"
                                                      : "the audio system closed the stream"};
    }
    return std::nullopt;
}

int AudioStream::onAudio(void* output, void* input, unsigned frames, double /*streamTime*/,
                         RtAudioStreamStatus status, void* path) noexcept {
    // Audio thread. Only our part is guarded: RtAudio's code around it is not ours.
    const core::RealtimeGuard guard;
    static_cast<AudioPath*>(path)->process(static_cast<const float*>(input),
                                           static_cast<float*>(output), frames, status != 0);
    return 0;
}

}  // namespace vstkit::formats::standalone
