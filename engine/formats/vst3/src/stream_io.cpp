#include "stream_io.h"

#include <algorithm>

namespace vstkit::formats::vst3 {

using Steinberg::int32;
using Steinberg::kResultOk;

std::optional<std::vector<std::uint8_t>> readWholeStream(Steinberg::IBStream* stream,
                                                         std::size_t maxBytes) {
    if (stream == nullptr) {
        return std::nullopt;
    }
    constexpr std::size_t kChunk = 4096;
    std::vector<std::uint8_t> bytes;
    while (bytes.size() <= maxBytes) {
        const std::size_t start = bytes.size();
        bytes.resize(start + kChunk);
        int32 read = 0;
        // Some streams (the SDK's own FileStream) report a short read as an
        // error while still delivering the bytes: trust the count, not the result.
        static_cast<void>(stream->read(bytes.data() + start, static_cast<int32>(kChunk), &read));
        const auto got = static_cast<std::size_t>(std::clamp<int32>(read, 0, kChunk));
        bytes.resize(start + got);
        if (got < kChunk) {
            return bytes;
        }
    }
    return std::nullopt;
}

bool writeWholeStream(Steinberg::IBStream* stream, std::span<const std::uint8_t> bytes) {
    if (stream == nullptr) {
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        int32 now = 0;
        const auto chunk =
            static_cast<int32>(std::min<std::size_t>(bytes.size() - written, 1 << 20));
        // The SDK's write takes a non-const buffer but does not modify it.
        void* const data = const_cast<std::uint8_t*>(bytes.data() + written);
        if (stream->write(data, chunk, &now) != kResultOk || now <= 0) {
            return false;
        }
        written += static_cast<std::size_t>(now);
    }
    return true;
}

}  // namespace vstkit::formats::vst3
