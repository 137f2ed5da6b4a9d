#include "audio_devices.h"

namespace vstkit::formats::standalone {

std::vector<AudioApi> probeAudioApis() {
    std::vector<RtAudio::Api> compiled;
    RtAudio::getCompiledApi(compiled);
    std::vector<AudioApi> apis;
    for (const RtAudio::Api api : compiled) {
        if (api == RtAudio::RTAUDIO_DUMMY) {
            continue;
        }
        AudioApi& entry = apis.emplace_back();
        entry.api = api;
        entry.name = RtAudio::getApiName(api);
        entry.displayName = RtAudio::getApiDisplayName(api);
        try {
            RtAudio audio{api};
            // Failures reach us as exceptions; RtAudio's warnings would only repeat them.
            audio.showWarnings(false);
            const unsigned count = audio.getDeviceCount();
            for (unsigned number = 0; number < count; ++number) {
                const RtAudio::DeviceInfo info = audio.getDeviceInfo(number);
                if (!info.probed) {
                    continue;
                }
                entry.devices.push_back({.number = number,
                                         .name = info.name,
                                         .inputChannels = info.inputChannels,
                                         .outputChannels = info.outputChannels,
                                         .sampleRates = info.sampleRates,
                                         .preferredSampleRate = info.preferredSampleRate,
                                         .defaultInput = info.isDefaultInput,
                                         .defaultOutput = info.isDefaultOutput});
            }
        } catch (const RtAudioError& error) {
            entry.error = error.getMessage();
        }
    }
    return apis;
}

std::string compiledApiNames() {
    std::vector<RtAudio::Api> compiled;
    RtAudio::getCompiledApi(compiled);
    std::string names;
    for (const RtAudio::Api api : compiled) {
        if (api != RtAudio::RTAUDIO_DUMMY) {
            names += (names.empty() ? "" : ", ") + RtAudio::getApiName(api);
        }
    }
    return names;
}

std::string describeAudioApis(const std::vector<AudioApi>& apis) {
    std::string text;
    for (const AudioApi& api : apis) {
        text += api.name + " (" + api.displayName + "):";
        if (!api.error.empty()) {
            text += " unavailable: " + api.error + "\n";
            continue;
        }
        if (api.devices.empty()) {
            text += api.api == RtAudio::UNIX_JACK ? " no devices (is a JACK server running?)\n"
                                                  : " no devices\n";
            continue;
        }
        text += "\n";
        for (const AudioDevice& device : api.devices) {
            text += "  \"" + device.name + "\"  in " + std::to_string(device.inputChannels) +
                    ", out " + std::to_string(device.outputChannels) + ", rates";
            for (const unsigned rate : device.sampleRates) {
                text += ' ';
                text += std::to_string(rate);
            }
            if (device.defaultInput || device.defaultOutput) {
                text += device.defaultInput && device.defaultOutput ? "  (default)"
                        : device.defaultInput                       ? "  (default input)"
                                                                    : "  (default output)";
            }
            text += "\n";
        }
    }
    return text;
}

}  // namespace vstkit::formats::standalone
