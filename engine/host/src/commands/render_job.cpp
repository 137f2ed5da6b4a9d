#include "render_job.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>

#include "platform/utf8_path.h"
#include "vst3/host_error.h"

namespace vstkit::host {

double AutomationLane::valueAt(std::size_t frame) const {
    if (frame <= points.front().frame) {
        return points.front().value;
    }
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (frame <= points[i].frame) {
            const auto& a = points[i - 1];
            const auto& b = points[i];
            const double t =
                static_cast<double>(frame - a.frame) / static_cast<double>(b.frame - a.frame);
            return a.value + t * (b.value - a.value);
        }
    }
    return points.back().value;
}

AutomationLane makeLane(std::uint32_t id, const AutomationText& text, int sampleRate,
                        const ValueFromText& convert) {
    AutomationLane lane{id, {}};
    for (const auto& [seconds, value] : text.points) {
        lane.points.push_back(
            {static_cast<std::size_t>(seconds * sampleRate + 0.5), convert(value)});
    }
    std::stable_sort(lane.points.begin(), lane.points.end(),
                     [](const auto& a, const auto& b) { return a.frame < b.frame; });
    return lane;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{}
                                           : text.substr(first, last - first + 1);
}

bool looksLikeAValue(std::string_view text) {
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double number = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc{} || !std::isfinite(number)) {
        return false;
    }
    return std::all_of(end, text.data() + text.size(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '%';
    });
}

std::vector<std::uint8_t> readStateFile(const std::filesystem::path& path) {
    std::ifstream file{path, std::ios::binary};
    if (!file) {
        throw HostError("cannot read state file " + utf8Of(path));
    }
    return {std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
}

void writeStateFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream file{path, std::ios::binary | std::ios::trunc};
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    if (!file.flush()) {
        throw HostError("cannot write state file " + utf8Of(path));
    }
}

}  // namespace vstkit::host
