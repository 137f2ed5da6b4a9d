#include "clap_streams.h"

#include <algorithm>
#include <cstring>

namespace vstkit::host {

OutputMemoryStream::OutputMemoryStream() : stream_{this, &write} {}

std::int64_t OutputMemoryStream::write(const clap_abi::OutputStream* stream, const void* buffer,
                                       std::uint64_t size) {
    auto& self = *static_cast<OutputMemoryStream*>(stream->ctx);
    if (buffer == nullptr && size > 0) {
        return -1;
    }
    const auto* bytes = static_cast<const std::uint8_t*>(buffer);
    self.bytes_.insert(self.bytes_.end(), bytes, bytes + size);
    return static_cast<std::int64_t>(size);
}

InputMemoryStream::InputMemoryStream(std::span<const std::uint8_t> bytes,
                                     std::size_t chunk) noexcept
    : bytes_(bytes), chunk_(std::max<std::size_t>(chunk, 1)), stream_{this, &read} {}

std::int64_t InputMemoryStream::read(const clap_abi::InputStream* stream, void* buffer,
                                     std::uint64_t size) {
    auto& self = *static_cast<InputMemoryStream*>(stream->ctx);
    if (buffer == nullptr && size > 0) {
        return -1;
    }
    const std::size_t count = std::min(
        {static_cast<std::size_t>(size), self.chunk_, self.bytes_.size() - self.position_});
    if (count > 0) {
        std::memcpy(buffer, self.bytes_.data() + self.position_, count);
    }
    self.position_ += count;
    return static_cast<std::int64_t>(count);
}

}  // namespace vstkit::host
