#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audio_devices.h"

namespace vstkit::formats::standalone {

/// The devices and rate the app will open.
struct DeviceChoice {
    RtAudio::Api api = RtAudio::UNSPECIFIED;
    std::string apiName;
    /// Empty when the chosen device has no inputs: the plugin then hears silence.
    std::optional<AudioDevice> input;
    AudioDevice output;
    unsigned sampleRate = 0;
};

struct DeviceChoiceResult {
    std::optional<DeviceChoice> choice;
    /// One line for the user when nothing fits the request.
    std::string error;
};

/// Picks what to open from the probed APIs. With --device, that device does
/// both directions, in the first API (or the --api one) that has it; without,
/// the API's default input and output. Without --api, the first API in
/// RtAudio's order with a device that has outputs. Without --rate, the output
/// device's preferred rate, else 48000 or 44100 Hz where offered.
[[nodiscard]] DeviceChoiceResult chooseDevices(const std::vector<AudioApi>& apis,
                                               const std::optional<std::string>& apiName,
                                               const std::optional<std::string>& deviceName,
                                               std::optional<unsigned> sampleRate);

}  // namespace vstkit::formats::standalone
