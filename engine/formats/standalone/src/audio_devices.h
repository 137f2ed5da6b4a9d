#pragma once

#include <RtAudio.h>

#include <optional>
#include <string>
#include <vector>

namespace vstkit::formats::standalone {

/// One device of one audio API, as RtAudio 5 reports it.
struct AudioDevice {
    /// RtAudio 5's number for the device within its API (valid until the next probe).
    unsigned number = 0;
    std::string name;
    unsigned inputChannels = 0;
    unsigned outputChannels = 0;
    std::vector<unsigned> sampleRates;
    /// 0 when the API has no preference.
    unsigned preferredSampleRate = 0;
    bool defaultInput = false;
    bool defaultOutput = false;
};

/// An audio API built into RtAudio and the devices it has now.
struct AudioApi {
    RtAudio::Api api = RtAudio::UNSPECIFIED;
    /// Short lower-case name, as --api takes it ("jack").
    std::string name;
    std::string displayName;
    std::vector<AudioDevice> devices;
    /// Why the API could not be asked, if it could not.
    std::string error;
};

/// Every API RtAudio was built with, in RtAudio's order of preference, with
/// its devices. Slow (it opens every device); call once.
[[nodiscard]] std::vector<AudioApi> probeAudioApis();

/// The names --api accepts, e.g. "jack, pulse, alsa".
[[nodiscard]] std::string compiledApiNames();

/// The --list-devices text.
[[nodiscard]] std::string describeAudioApis(const std::vector<AudioApi>& apis);

}  // namespace vstkit::formats::standalone
