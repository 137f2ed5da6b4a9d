#include "screen_scale.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace vstkit::formats::standalone {
namespace {

constexpr double kReferenceDpi = 96.0;
constexpr double kMinDetectedScale = 1.0;
constexpr double kMaxDetectedScale = 4.0;
constexpr double kStepsPerUnit = 4.0;
constexpr double kMinTrustedDpi = 120.0;
constexpr double kMillimetresPerInch = 25.4;
// The editor's own range (ui::sanitizeScale): a typo is likelier than a need beyond it.
constexpr float kMinChosenScale = 0.5F;
constexpr float kMaxChosenScale = 4.0F;

}  // namespace

float scaleForDpi(double dpi) noexcept {
    if (!std::isfinite(dpi) || dpi <= 0.0) {
        return 1.0F;
    }
    const double steps = std::round(dpi / kReferenceDpi * kStepsPerUnit) / kStepsPerUnit;
    return static_cast<float>(std::clamp(steps, kMinDetectedScale, kMaxDetectedScale));
}

std::optional<float> scaleFromPhysicalSize(int pixels, int millimetres) noexcept {
    if (pixels <= 0 || millimetres <= 0) {
        return std::nullopt;
    }
    const double dpi = static_cast<double>(pixels) * kMillimetresPerInch / millimetres;
    if (dpi <= kMinTrustedDpi) {
        return std::nullopt;
    }
    return scaleForDpi(dpi);
}

std::optional<float> parseScale(std::string_view text) noexcept {
    float scale = 0.0F;
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, scale, std::chars_format::fixed);
    if (text.empty() || error != std::errc{} || stop != end || !(scale >= kMinChosenScale) ||
        !(scale <= kMaxChosenScale)) {
        return std::nullopt;
    }
    return scale;
}

}  // namespace vstkit::formats::standalone
