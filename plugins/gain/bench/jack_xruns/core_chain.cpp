#include "core_chain.h"

#include "plugin.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::bench {
namespace {

constexpr auto kGain = static_cast<std::uint32_t>(vstkit_gain::kGain);
// Each instance follows a slow triangle (2 x 1500 blocks, 4 s at 64 frames),
// offset per instance and scaled so the whole chain stays within -12..0 dB:
// a new target in every block, and audio that never sinks into silence.
constexpr std::uint64_t kTriangleBlocks = 1500;

float targetDb(std::uint64_t block, std::size_t instance) {
    const std::uint64_t position = (block + instance * 37) % (2 * kTriangleBlocks);
    const std::uint64_t rising =
        position < kTriangleBlocks ? position : 2 * kTriangleBlocks - position;
    return -12.0F * static_cast<float>(rising) / static_cast<float>(kTriangleBlocks);
}

}  // namespace

CoreChain::CoreChain(std::size_t instances, double sampleRate, std::size_t maxFrames) {
    cores_.reserve(instances);
    for (std::size_t i = 0; i < instances; ++i) {
        cores_.push_back(std::make_unique<core::AudioCore>(core::pluginDefinition()));
        cores_.back()->prepare(sampleRate, maxFrames);
    }
}

void CoreChain::process(std::span<float* const> channels, std::size_t frames) noexcept {
    const float instances = static_cast<float>(cores_.size());
    for (std::size_t i = 0; i < cores_.size(); ++i) {
        cores_[i]->events().add({0, kGain, targetDb(block_, i) / instances}, true);
        cores_[i]->process(channels, frames);
    }
    ++block_;
}

}  // namespace vstkit::bench
