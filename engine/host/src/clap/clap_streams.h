#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "vstkit/formats/clap/abi/stream.h"

namespace vstkit::host {

/// A clap_ostream that appends everything written to a byte vector.
class OutputMemoryStream final {
  public:
    OutputMemoryStream();
    OutputMemoryStream(const OutputMemoryStream&) = delete;
    OutputMemoryStream& operator=(const OutputMemoryStream&) = delete;
    OutputMemoryStream(OutputMemoryStream&&) = delete;
    OutputMemoryStream& operator=(OutputMemoryStream&&) = delete;

    [[nodiscard]] const clap_abi::OutputStream* stream() const noexcept { return &stream_; }
    [[nodiscard]] std::vector<std::uint8_t>& bytes() noexcept { return bytes_; }

  private:
    static std::int64_t write(const clap_abi::OutputStream* stream, const void* buffer,
                              std::uint64_t size);

    std::vector<std::uint8_t> bytes_;
    clap_abi::OutputStream stream_;
};

/// A clap_istream over bytes. Each read gives at most `chunk` bytes, so a
/// small chunk tests a plugin's read loop as a host streaming from disk does.
class InputMemoryStream final {
  public:
    explicit InputMemoryStream(std::span<const std::uint8_t> bytes,
                               std::size_t chunk = SIZE_MAX) noexcept;
    InputMemoryStream(const InputMemoryStream&) = delete;
    InputMemoryStream& operator=(const InputMemoryStream&) = delete;
    InputMemoryStream(InputMemoryStream&&) = delete;
    InputMemoryStream& operator=(InputMemoryStream&&) = delete;

    [[nodiscard]] const clap_abi::InputStream* stream() const noexcept { return &stream_; }

  private:
    static std::int64_t read(const clap_abi::InputStream* stream, void* buffer, std::uint64_t size);

    std::span<const std::uint8_t> bytes_;
    std::size_t chunk_;
    std::size_t position_ = 0;
    clap_abi::InputStream stream_;
};

}  // namespace vstkit::host
