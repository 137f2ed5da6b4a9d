#include "lv2_plugin.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <string_view>

#include "host_features.h"
#include "legacy_base64.h"
#include "vstkit/core/realtime_guard.h"

namespace vstkit::formats::lv2 {
namespace {

// The host's block-length promise, if it makes one (options feature).
std::size_t maxBlockLengthOption(const LV2_Feature* const* features, const StateKeys& keys) {
    const auto frames = hostOption<std::int32_t>(features, keys.maxBlockLength, keys.atomInt);
    return frames ? static_cast<std::size_t>(std::max(*frames, 0)) : 0;
}

/// Meter ports are written at most this often (about 100 times a second at 48 kHz).
constexpr std::uint32_t kMeterPortInterval = 480;

float toMeterPortDb(float linear) noexcept {
    return linear > 0.0F ? std::clamp(20.0F * std::log10(linear), kMeterFloorDb, kMeterCeilingDb)
                         : kMeterFloorDb;
}

// NaN compares unequal to itself; a port stuck at NaN is not a change per block.
bool samePortValue(float a, float b) noexcept {
    return a == b || (a != a && b != b);
}

}  // namespace

Lv2Plugin::Lv2Plugin(double sampleRate, const LV2_Feature* const* features)
    : core_(core::pluginDefinition()),
      layout_(core::pluginDefinition().audio.layouts.front()),
      latencySamples_(core::pluginDefinition().audio.latencySamples),
      sampleRate_(sampleRate),
      stateKeys_(StateKeys::map(features)),
      controls_(core_.parameters().size(), nullptr),
      hasMeterPorts_(core::pluginDefinition().webUi != nullptr),
      lastPortValues_(core_.parameters().size(), 0.0F) {
    maxBlockFrames_ = maxBlockLengthOption(features, stateKeys_);
    for (std::size_t row = 0; row < core_.parameters().size(); ++row) {
        lastPortValues_[row] =
            toPortValue(core_.parameters()[row], core_.shared()->values.plain(row));
    }
    core_.prepare(sampleRate_, maxBlockFrames_);
}

Lv2Plugin::~Lv2Plugin() {
    if (listeningToMeters_) {
        core_.shared()->meters.unlisten();
    }
}

void Lv2Plugin::connectPort(std::uint32_t port, void* data) noexcept {
    const auto outputs = firstAudioOutput(layout_);
    const auto controls = firstControlPort(layout_);
    if (port >= kFirstAudioInput && port < outputs) {
        inputs_[port - kFirstAudioInput] = static_cast<const float*>(data);
    } else if (port >= outputs && port < controls) {
        outputs_[port - outputs] = static_cast<float*>(data);
    } else if (port >= controls && port < controls + controls_.size()) {
        controls_[port - controls] = static_cast<const float*>(data);
    } else if (latencySamples_ > 0 && port == latencyPortIndex(layout_, controls_.size())) {
        latency_ = static_cast<float*>(data);
    } else if (const auto meters = firstMeterPort(layout_, controls_.size(), latencySamples_ > 0);
               hasMeterPorts_ && port >= meters && port < meters + meterPortCount(layout_)) {
        meterPorts_[port - meters] = static_cast<float*>(data);
        meterPortConnected_ = std::any_of(meterPorts_.begin(), meterPorts_.end(),
                                          [](const float* meter) { return meter != nullptr; });
    }
}

void Lv2Plugin::activate() noexcept {
    // A new run starts from the current values, with no ramp left over.
    core_.prepare(sampleRate_, maxBlockFrames_);
    firstRunAfterActivate_ = true;
}

void Lv2Plugin::readControlPorts() noexcept {
    for (std::size_t row = 0; row < controls_.size(); ++row) {
        if (controls_[row] == nullptr) {
            continue;
        }
        const float portValue = *controls_[row];
        if (samePortValue(portValue, lastPortValues_[row])) {
            continue;
        }
        lastPortValues_[row] = portValue;
        const float plain = fromPortValue(core_.parameters()[row], portValue);
        if (firstRunAfterActivate_) {
            core_.shared()->values.setPlain(row, plain);
        } else {
            // LV2 gives one value per run(): it lands at offset 0 and ramps.
            core_.events().add({0, static_cast<std::uint32_t>(row), plain}, true);
        }
    }
    if (firstRunAfterActivate_) {
        core_.settle();
        firstRunAfterActivate_ = false;
    }
}

void Lv2Plugin::run(std::uint32_t frames) noexcept {
    const core::RealtimeGuard guard;
    readControlPorts();
    if (latency_ != nullptr) {
        *latency_ = static_cast<float>(latencySamples_);
    }
    // In place on the outputs; an output with no input of its own starts silent.
    std::array<float*, core::kMaxLayoutChannels> channels{};
    for (std::size_t channel = 0; channel < layout_.outputs; ++channel) {
        float* output = outputs_[channel];
        if (output == nullptr) {
            continue;
        }
        const float* input = channel < layout_.inputs ? inputs_[channel] : nullptr;
        if (input == nullptr) {
            std::fill_n(output, frames, 0.0F);
        } else if (input != output) {
            // Hosts may process in place; otherwise work on the output buffer.
            std::memmove(output, input, frames * sizeof(float));
        }
        channels[channel] = output;
    }
    // LV2 has no silence flags: a tail simply plays on while the host runs us.
    static_cast<void>(core_.process({channels.data(), layout_.outputs}, frames));
    if (meterPortConnected_) {
        writeMeterPorts(frames);
    }
}

void Lv2Plugin::writeMeterPorts(std::uint32_t frames) noexcept {
    auto& meters = core_.shared()->meters;
    if (!listeningToMeters_) {
        meters.listen();  // From the next block on: the output is measured.
        listeningToMeters_ = true;
    }
    framesSinceMeterPorts_ += frames;
    if (framesSinceMeterPorts_ < kMeterPortInterval) {
        return;
    }
    framesSinceMeterPorts_ = 0;
    for (std::uint32_t port = 0; port < meterPortCount(layout_); ++port) {
        if (meterPorts_[port] != nullptr) {
            const auto reading = meters.read(port / 2);
            *meterPorts_[port] = toMeterPortDb(port % 2 == 0 ? reading.peak : reading.rms);
        }
    }
}

LV2_State_Status Lv2Plugin::save(LV2_State_Store_Function store, LV2_State_Handle handle) const {
    if (!stateKeys_.available()) {
        return LV2_STATE_ERR_NO_FEATURE;
    }
    const auto blob = core_.saveState();
    return store(handle, stateKeys_.state, blob.data(), blob.size(), stateKeys_.atomChunk,
                 LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE);
}

LV2_State_Status Lv2Plugin::restore(LV2_State_Retrieve_Function retrieve, LV2_State_Handle handle) {
    if (!stateKeys_.available()) {
        return LV2_STATE_ERR_NO_FEATURE;
    }
    std::size_t size = 0;
    std::uint32_t type = 0;
    std::uint32_t flags = 0;
    if (const auto* data = retrieve(handle, stateKeys_.state, &size, &type, &flags);
        data != nullptr) {
        if (type != stateKeys_.atomChunk) {
            return LV2_STATE_ERR_BAD_TYPE;
        }
        const auto error = core_.loadState({static_cast<const std::uint8_t*>(data), size});
        return error == protocol::StateError::None ? LV2_STATE_SUCCESS : LV2_STATE_ERR_UNKNOWN;
    }
    // A session saved by a JUCE-made build.
    if (const auto* data = retrieve(handle, stateKeys_.juceStateString, &size, &type, &flags);
        data != nullptr) {
        if (type != stateKeys_.atomString) {
            return LV2_STATE_ERR_BAD_TYPE;
        }
        const auto blob = decodeJuceBase64({static_cast<const char*>(data), size});
        if (!blob) {
            return LV2_STATE_ERR_UNKNOWN;
        }
        const auto error = core_.loadState(*blob);
        return error == protocol::StateError::None ? LV2_STATE_SUCCESS : LV2_STATE_ERR_UNKNOWN;
    }
    return LV2_STATE_ERR_NO_PROPERTY;
}

}  // namespace vstkit::formats::lv2
