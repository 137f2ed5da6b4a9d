#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "host_object.h"
#include "pluginterfaces/base/ibstream.h"

namespace vstkit::host {

/// An IBStream over a byte vector: how the host saves and restores state.
class MemoryStream final : public HostObject<Steinberg::IBStream> {
  public:
    MemoryStream() = default;
    explicit MemoryStream(std::span<const std::uint8_t> bytes)
        : bytes_(bytes.begin(), bytes.end()) {}

    /// Writes beyond this are refused, not attempted: a plugin's state that
    /// large is a bug, and an allocation failure must not throw into it.
    static constexpr std::size_t kMaxStreamBytes = std::size_t{256} << 20;

    [[nodiscard]] const std::vector<std::uint8_t>& bytes() const noexcept { return bytes_; }

    Steinberg::tresult PLUGIN_API read(void* buffer, Steinberg::int32 numBytes,
                                       Steinberg::int32* numBytesRead) override;
    Steinberg::tresult PLUGIN_API write(void* buffer, Steinberg::int32 numBytes,
                                        Steinberg::int32* numBytesWritten) override;
    Steinberg::tresult PLUGIN_API seek(Steinberg::int64 position, Steinberg::int32 mode,
                                       Steinberg::int64* result) override;
    Steinberg::tresult PLUGIN_API tell(Steinberg::int64* position) override;

  private:
    std::vector<std::uint8_t> bytes_;
    std::size_t position_ = 0;
};

}  // namespace vstkit::host
