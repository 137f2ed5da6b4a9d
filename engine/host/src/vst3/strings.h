#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include "pluginterfaces/vst/vsttypes.h"

namespace vstkit::host {

/// UTF-16 (a VST3 String128 or TChar*) to UTF-8; stops at NUL or maxLength.
[[nodiscard]] std::string toUtf8(const Steinberg::Vst::TChar* text, std::size_t maxLength = 128);

/// UTF-8 into a NUL-terminated String128, truncated to fit.
void toString128(std::string_view utf8, Steinberg::Vst::String128 out);

/// UTF-8 to a NUL-terminated UTF-16 string.
[[nodiscard]] std::u16string toUtf16(std::string_view utf8);

/// A fixed-size char field (PClassInfo::name and friends) as a string.
template <std::size_t N>
[[nodiscard]] std::string fromField(const char (&field)[N]) {
    return std::string{field, ::strnlen(field, N)};
}

}  // namespace vstkit::host
