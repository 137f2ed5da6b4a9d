#pragma once

#include <cmath>
#include <limits>

namespace vstkit::dsp {

/// The level that means silence: dbToLinear(kSilenceDb) == 0.
inline constexpr float kSilenceDb = -std::numeric_limits<float>::infinity();

/// 10^(dB/20). -inf dB (and NaN, treated as "no level") give 0.
[[nodiscard]] inline float dbToLinear(float decibels) noexcept {
    if (!(decibels > kSilenceDb)) {
        return 0.0F;
    }
    // A float exp is several times cheaper than pow and exact to about 3e-7
    // relative over the parameter range (ln(10)/20 nepers per decibel).
    constexpr float kNepersPerDecibel = 0.11512925464970228F;
    return std::exp(decibels * kNepersPerDecibel);
}

/// 20·log10(gain). Zero, negative and NaN gains give -inf dB, never NaN.
[[nodiscard]] inline float linearToDb(float linearGain) noexcept {
    if (!(linearGain > 0.0F)) {
        return kSilenceDb;
    }
    return static_cast<float>(20.0 * std::log10(static_cast<double>(linearGain)));
}

}  // namespace vstkit::dsp
