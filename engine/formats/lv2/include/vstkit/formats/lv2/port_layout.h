#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vstkit/core/audio_facts.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::formats::lv2 {

/// The plugin's ports, in index order: its first channel layout's audio
/// inputs, then its audio outputs, then one control input per row of the
/// parameter table, in table order, then (only for a plugin with latency) the
/// latency output. Hosts save control values by port symbol; the indices are
/// fixed too, because the TTL and the binary are shipped together but presets
/// outlive both. A stereo plugin's ports are in_l, in_r, out_l, out_r; a mono
/// one's in and out.
inline constexpr std::uint32_t kFirstAudioInput = 0;

[[nodiscard]] constexpr std::uint32_t firstAudioOutput(core::ChannelLayout audio) noexcept {
    return kFirstAudioInput + audio.inputs;
}

[[nodiscard]] constexpr std::uint32_t firstControlPort(core::ChannelLayout audio) noexcept {
    return firstAudioOutput(audio) + audio.outputs;
}

[[nodiscard]] constexpr std::uint32_t controlPortIndex(core::ChannelLayout audio,
                                                       std::size_t row) noexcept {
    return firstControlPort(audio) + static_cast<std::uint32_t>(row);
}

/// The latency output's index, after the table's rows.
[[nodiscard]] constexpr std::uint32_t latencyPortIndex(core::ChannelLayout audio,
                                                       std::size_t rows) noexcept {
    return controlPortIndex(audio, rows);
}

inline constexpr std::string_view kLatencySymbol = "latency";

/// An audio port's symbol and name, e.g. "in_l" and "Input L", or "out"
/// and "Output" on a mono side.
struct AudioPortName {
    std::string_view symbol;
    std::string_view name;
};

[[nodiscard]] constexpr AudioPortName audioPortName(bool input, std::uint32_t channels,
                                                    std::uint32_t channel) noexcept {
    if (channels == 1) {
        return input ? AudioPortName{"in", "Input"} : AudioPortName{"out", "Output"};
    }
    constexpr std::array<AudioPortName, 2> kInputs{{{"in_l", "Input L"}, {"in_r", "Input R"}}};
    constexpr std::array<AudioPortName, 2> kOutputs{{{"out_l", "Output L"}, {"out_r", "Output R"}}};
    return (input ? kInputs : kOutputs)[std::min<std::uint32_t>(channel, 1)];
}

/// A plugin with its own (web) editor also reports its output's level on
/// output control ports, after every other port, so that any LV2 host can
/// show it: for each output channel its peak, then its RMS, in dBFS.
[[nodiscard]] constexpr std::uint32_t firstMeterPort(core::ChannelLayout audio, std::size_t rows,
                                                     bool hasLatency) noexcept {
    return latencyPortIndex(audio, rows) + (hasLatency ? 1U : 0U);
}

[[nodiscard]] constexpr std::uint32_t meterPortCount(core::ChannelLayout audio) noexcept {
    return 2 * audio.outputs;
}

/// A meter port's symbol and name: "peak_l" / "Peak L", "rms" / "RMS".
[[nodiscard]] constexpr AudioPortName meterPortName(std::uint32_t outputs, std::uint32_t channel,
                                                    bool rms) noexcept {
    if (outputs == 1) {
        return rms ? AudioPortName{"rms", "RMS"} : AudioPortName{"peak", "Peak"};
    }
    constexpr std::array<AudioPortName, 4> kStereo{
        {{"peak_l", "Peak L"}, {"rms_l", "RMS L"}, {"peak_r", "Peak R"}, {"rms_r", "RMS R"}}};
    return kStereo[2 * std::min<std::uint32_t>(channel, 1) + (rms ? 1 : 0)];
}

/// The meter ports' range in dBFS; silence reads as the floor.
inline constexpr float kMeterFloorDb = -120.0F;
inline constexpr float kMeterCeilingDb = 12.0F;

/// The LV2 convention for a bypass switch is the inverse: a control port
/// designated lv2:enabled, 1 while the plugin processes. Hosts bind their own
/// bypass button to it.
inline constexpr std::string_view kEnabledSymbol = "enabled";
inline constexpr std::string_view kEnabledName = "Enabled";

[[nodiscard]] constexpr bool isEnabledPort(const protocol::ParamSpec& spec) noexcept {
    return spec.role == protocol::ParamRole::Bypass;
}

/// Port symbol of a table row: its stable id, or "enabled" for the bypass row.
[[nodiscard]] constexpr std::string_view portSymbol(const protocol::ParamSpec& spec) noexcept {
    return isEnabledPort(spec) ? kEnabledSymbol : spec.stableId;
}

/// A table row's plain value as its port carries it.
[[nodiscard]] constexpr float toPortValue(const protocol::ParamSpec& spec, float plain) noexcept {
    if (isEnabledPort(spec)) {
        return protocol::toNormalized(spec, plain) >= 0.5F ? 0.0F : 1.0F;
    }
    return protocol::clampPlain(spec, plain);
}

/// A port value as the table row's plain value: clamped into range, rounded to
/// a whole number for a stepped row or a choice (the port carries the plain
/// value, a choice its index), and NaN read as the default, so nothing a host
/// writes can reach the DSP unchecked.
[[nodiscard]] constexpr float fromPortValue(const protocol::ParamSpec& spec,
                                            float portValue) noexcept {
    if (isEnabledPort(spec)) {
        if (!(portValue == portValue)) {
            return spec.defaultValue;
        }
        return portValue >= 0.5F ? spec.minValue : spec.maxValue;
    }
    return protocol::clampPlain(spec, portValue);
}

}  // namespace vstkit::formats::lv2
