#include "device_choice.h"

#include <algorithm>
#include <array>

namespace vstkit::formats::standalone {
namespace {

constexpr std::array<unsigned, 2> kUsualSampleRates{48000, 44100};

bool offers(const AudioDevice& device, unsigned rate) {
    // An empty list means the API did not say: let the open decide.
    return device.sampleRates.empty() ||
           std::ranges::find(device.sampleRates, rate) != device.sampleRates.end();
}

bool bothOffer(const DeviceChoice& choice, unsigned rate) {
    return offers(choice.output, rate) && (!choice.input || offers(*choice.input, rate));
}

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::string offeredRates(const AudioDevice& device) {
    std::string rates;
    for (const unsigned rate : device.sampleRates) {
        rates += (rates.empty() ? "" : ", ") + std::to_string(rate);
    }
    return rates;
}

std::optional<unsigned> defaultSampleRate(const DeviceChoice& choice) {
    const unsigned preferred = choice.output.preferredSampleRate;
    if (preferred != 0 && bothOffer(choice, preferred)) {
        return preferred;
    }
    for (const unsigned rate : kUsualSampleRates) {
        if (bothOffer(choice, rate)) {
            return rate;
        }
    }
    for (const unsigned rate : choice.output.sampleRates) {
        if (bothOffer(choice, rate)) {
            return rate;
        }
    }
    return std::nullopt;
}

DeviceChoiceResult withSampleRate(DeviceChoice choice, std::optional<unsigned> requested) {
    if (requested) {
        const AudioDevice& refusing =
            !offers(choice.output, *requested) || !choice.input ? choice.output : *choice.input;
        if (!bothOffer(choice, *requested)) {
            std::string error = quoted(refusing.name) + " does not run at " +
                                std::to_string(*requested) + " Hz (it offers " +
                                offeredRates(refusing) + ")";
            if (choice.api == RtAudio::UNIX_JACK) {
                error += "; the JACK server sets the rate";
            }
            return {std::nullopt, error};
        }
        choice.sampleRate = *requested;
        return {std::move(choice), {}};
    }
    const auto rate = defaultSampleRate(choice);
    if (!rate) {
        const std::string devices = choice.input ? quoted(choice.output.name) + " and " +
                                                       quoted(choice.input->name) + " share"
                                                 : quoted(choice.output.name) + " offers";
        return {std::nullopt, devices + " no sample rate; pick a device with --device"};
    }
    choice.sampleRate = *rate;
    return {std::move(choice), {}};
}

const AudioDevice* defaultDevice(const AudioApi& api, bool output) {
    const AudioDevice* fallback = nullptr;
    for (const AudioDevice& device : api.devices) {
        const unsigned channels = output ? device.outputChannels : device.inputChannels;
        if (channels == 0) {
            continue;
        }
        if (output ? device.defaultOutput : device.defaultInput) {
            return &device;
        }
        if (fallback == nullptr) {
            fallback = &device;
        }
    }
    return fallback;
}

/// The choice within one API, or nullopt when it has nothing that fits.
std::optional<DeviceChoice> chooseWithin(const AudioApi& api,
                                         const std::optional<std::string>& deviceName) {
    DeviceChoice choice;
    choice.api = api.api;
    choice.apiName = api.name;
    if (deviceName) {
        const auto found = std::ranges::find(api.devices, *deviceName, &AudioDevice::name);
        if (found == api.devices.end() || found->outputChannels == 0) {
            return std::nullopt;
        }
        choice.output = *found;
        if (found->inputChannels > 0) {
            choice.input = *found;
        }
        return choice;
    }
    const AudioDevice* output = defaultDevice(api, true);
    if (output == nullptr) {
        return std::nullopt;
    }
    choice.output = *output;
    if (const AudioDevice* input = defaultDevice(api, false)) {
        choice.input = *input;
    }
    return choice;
}

bool hasDeviceNamed(const AudioApi& api, const std::string& name) {
    return std::ranges::find(api.devices, name, &AudioDevice::name) != api.devices.end();
}

}  // namespace

DeviceChoiceResult chooseDevices(const std::vector<AudioApi>& apis,
                                 const std::optional<std::string>& apiName,
                                 const std::optional<std::string>& deviceName,
                                 std::optional<unsigned> sampleRate) {
    if (apiName) {
        const auto api = std::ranges::find(apis, *apiName, &AudioApi::name);
        if (api == apis.end()) {
            return {std::nullopt, "unknown audio API '" + *apiName + "' (this build has " +
                                      compiledApiNames() + ")"};
        }
        if (!api->error.empty()) {
            return {std::nullopt, api->name + " is unavailable: " + api->error};
        }
        if (api->devices.empty()) {
            return {std::nullopt, api->api == RtAudio::UNIX_JACK
                                      ? "jack has no devices: is a JACK server running?"
                                      : api->name + " has no devices"};
        }
        if (auto choice = chooseWithin(*api, deviceName)) {
            return withSampleRate(std::move(*choice), sampleRate);
        }
        if (deviceName && hasDeviceNamed(*api, *deviceName)) {
            return {std::nullopt, quoted(*deviceName) + " has no outputs"};
        }
        return {std::nullopt, deviceName ? "no device " + quoted(*deviceName) + " in " + api->name +
                                               " (see --list-devices)"
                                         : api->name + " has no device with outputs"};
    }
    for (const AudioApi& api : apis) {
        if (auto choice = chooseWithin(api, deviceName)) {
            return withSampleRate(std::move(*choice), sampleRate);
        }
    }
    if (deviceName) {
        for (const AudioApi& api : apis) {
            if (hasDeviceNamed(api, *deviceName)) {
                return {std::nullopt, quoted(*deviceName) + " has no outputs"};
            }
        }
        return {std::nullopt, "no audio device " + quoted(*deviceName) + " (see --list-devices)"};
    }
    return {std::nullopt, "no audio device with outputs (see --list-devices)"};
}

}  // namespace vstkit::formats::standalone
