#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "vstkit/formats/clap/abi/stream.h"

namespace vstkit::formats::clap {

/// Reads the host's stream to its end, in whatever pieces it gives. Nothing
/// when it reports an error or holds more than `limit` bytes.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> readWholeStream(
    const clap_abi::InputStream& stream, std::size_t limit);

/// Writes every byte, however few the host takes per call. False on an error
/// or a stream that stops taking bytes.
[[nodiscard]] bool writeWholeStream(const clap_abi::OutputStream& stream,
                                    std::span<const std::uint8_t> bytes);

}  // namespace vstkit::formats::clap
