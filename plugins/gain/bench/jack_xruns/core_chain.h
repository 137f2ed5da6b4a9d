#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "vstkit/core/audio_core.h"

namespace vstkit::bench {

/// Many instances of the plugin core in series on one stereo buffer, as a
/// host with that many plugins on one track runs them. Each instance gets a
/// new gain target in every block, the costliest path through the core.
class CoreChain final {
  public:
    /// May allocate: creates and prepares the instances.
    CoreChain(std::size_t instances, double sampleRate, std::size_t maxFrames);

    /// Audio thread: runs every instance on the buffers in place. Never
    /// allocates, locks or blocks.
    void process(std::span<float* const> channels, std::size_t frames) noexcept;

  private:
    std::vector<std::unique_ptr<core::AudioCore>> cores_;
    std::uint64_t block_ = 0;
};

}  // namespace vstkit::bench
