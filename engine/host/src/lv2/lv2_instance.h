#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <lilv/lilv.h>
#include <lv2/options/options.h>

#include "lv2_bundle.h"

namespace vstkit::host {

/// One instance of an Lv2Bundle's plugin, instantiated and driven as a lean
/// LV2 host drives it: controls at their defaults, ports connected once to
/// buffers that stay put, activated, then run() per block.
class Lv2Instance final {
  public:
    /// Instantiates with urid:map and the options feature (block lengths and
    /// sample rate). Throws HostError when the plugin refuses.
    Lv2Instance(Lv2Bundle& bundle, double sampleRate, std::uint32_t maxFrames);
    ~Lv2Instance();
    Lv2Instance(const Lv2Instance&) = delete;
    Lv2Instance& operator=(const Lv2Instance&) = delete;
    Lv2Instance(Lv2Instance&&) = delete;
    Lv2Instance& operator=(Lv2Instance&&) = delete;

    [[nodiscard]] std::size_t audioInputs() const noexcept { return audioInputs_; }
    [[nodiscard]] std::size_t audioOutputs() const noexcept { return audioOutputs_; }

    /// Sets a control input by symbol; false when there is none.
    bool setControl(std::string_view symbol, float value) noexcept;
    /// Connects the audio ports, in order (the same pointers for in place);
    /// missing ones get silent scratch channels.
    void connectAudio(std::span<float* const> inputs, std::span<float* const> outputs);
    void activate() noexcept;
    /// One block on the connected buffers.
    void run(std::uint32_t frames) noexcept { runFunction_(handle_, frames); }

  private:
    LilvInstance* instance_ = nullptr;
    LV2_Handle handle_ = nullptr;
    void (*runFunction_)(LV2_Handle, std::uint32_t) = nullptr;
    const Lv2Bundle& bundle_;
    bool active_ = false;
    std::size_t audioInputs_ = 0;
    std::size_t audioOutputs_ = 0;
    std::uint32_t maxFrames_ = 0;
    // One value per port: control inputs and outputs point here.
    std::vector<float> controls_;
    std::vector<std::vector<float>> scratch_;
};

}  // namespace vstkit::host
