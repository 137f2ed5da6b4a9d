#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::formats::lv2 {

/// The plugin's ports, in index order: stereo audio in, stereo audio out, then
/// one control input per row of the parameter table, in table order. Hosts
/// save control values by port symbol; the indices are fixed too, because the
/// TTL and the binary are shipped together but presets outlive both.
inline constexpr std::uint32_t kAudioChannels = 2;
inline constexpr std::uint32_t kFirstAudioInput = 0;
inline constexpr std::uint32_t kFirstAudioOutput = kFirstAudioInput + kAudioChannels;
inline constexpr std::uint32_t kFirstControlPort = kFirstAudioOutput + kAudioChannels;

inline constexpr std::array<std::string_view, kAudioChannels> kAudioInputSymbols{"in_l", "in_r"};
inline constexpr std::array<std::string_view, kAudioChannels> kAudioOutputSymbols{"out_l", "out_r"};
inline constexpr std::array<std::string_view, kAudioChannels> kAudioInputNames{"Input L",
                                                                               "Input R"};
inline constexpr std::array<std::string_view, kAudioChannels> kAudioOutputNames{"Output L",
                                                                                "Output R"};

/// The LV2 convention for a bypass switch is the inverse: a control port
/// designated lv2:enabled, 1 while the plugin processes. Hosts bind their own
/// bypass button to it.
inline constexpr std::string_view kEnabledSymbol = "enabled";
inline constexpr std::string_view kEnabledName = "Enabled";

[[nodiscard]] constexpr std::uint32_t controlPortIndex(std::size_t row) noexcept {
    return kFirstControlPort + static_cast<std::uint32_t>(row);
}

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
