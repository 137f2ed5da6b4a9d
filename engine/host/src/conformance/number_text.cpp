#include "number_text.h"

#include <cmath>
#include <cstdio>

namespace vstkit::host::conformance {

std::string formatDouble(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string formatDbfs(double linear) {
    if (!(std::abs(linear) > 0.0)) {
        return "-inf dBFS";
    }
    char text[64];
    std::snprintf(text, sizeof text, "%+.1f dBFS", 20.0 * std::log10(std::abs(linear)));
    return text;
}

}  // namespace vstkit::host::conformance
