#include "stream_io.h"

#include <algorithm>
#include <array>

namespace vstkit::formats::clap {

std::optional<std::vector<std::uint8_t>> readWholeStream(const clap_abi::InputStream& stream,
                                                         std::size_t limit) {
    if (stream.read == nullptr) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes;
    std::array<std::uint8_t, 4096> piece{};
    for (;;) {
        const std::int64_t got = stream.read(&stream, piece.data(), piece.size());
        if (got < 0 || static_cast<std::uint64_t>(got) > piece.size()) {
            return std::nullopt;
        }
        if (got == 0) {
            return bytes;
        }
        if (bytes.size() + static_cast<std::size_t>(got) > limit) {
            return std::nullopt;  // Larger than any state of ours: refused, not truncated.
        }
        bytes.insert(bytes.end(), piece.begin(), piece.begin() + got);
    }
}

bool writeWholeStream(const clap_abi::OutputStream& stream, std::span<const std::uint8_t> bytes) {
    if (stream.write == nullptr) {
        return false;
    }
    // A host that takes nothing this many times in a row has stopped.
    constexpr int kStalledCalls = 16;
    int stalled = 0;
    while (!bytes.empty()) {
        const std::int64_t written = stream.write(&stream, bytes.data(), bytes.size());
        if (written < 0 || static_cast<std::uint64_t>(written) > bytes.size()) {
            return false;
        }
        if (written == 0) {
            if (++stalled == kStalledCalls) {
                return false;
            }
            continue;
        }
        stalled = 0;
        bytes = bytes.subspan(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace vstkit::formats::clap
