#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <lv2/core/lv2.h>
#include <lv2/state/state.h>

#include "state_keys.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/formats/lv2/port_layout.h"

namespace vstkit::formats::lv2 {

/// One LV2 plugin instance over the plugin core. Works with only what the
/// bare LV2 core guarantees (lv2apply, lv2file); features a host offers, such
/// as urid:map for state or options for the block length, are used when there.
///
/// Threads (the LV2 threading classes): construction, activate() and the state
/// calls on a host thread; connectPort() and run() on the audio thread.
class Lv2Plugin final {
  public:
    Lv2Plugin(double sampleRate, const LV2_Feature* const* features);
    ~Lv2Plugin();
    Lv2Plugin(const Lv2Plugin&) = delete;
    Lv2Plugin& operator=(const Lv2Plugin&) = delete;
    Lv2Plugin(Lv2Plugin&&) = delete;
    Lv2Plugin& operator=(Lv2Plugin&&) = delete;

    void connectPort(std::uint32_t port, void* data) noexcept;
    void activate() noexcept;
    /// Reads the control ports (a changed value is an event at the block's
    /// start, ramped like any other), then processes. Never allocates, locks
    /// or blocks.
    void run(std::uint32_t frames) noexcept;

    LV2_State_Status save(LV2_State_Store_Function store, LV2_State_Handle handle) const;
    /// A blob that does not parse changes nothing and reports an error.
    LV2_State_Status restore(LV2_State_Retrieve_Function retrieve, LV2_State_Handle handle);

  private:
    /// Turns control-port changes into events; on the first block after
    /// activate() they are applied at once instead, as the starting values.
    void readControlPorts() noexcept;
    /// Writes the output's level to the meter ports the host connected (run()
    /// calls it only when one is), at
    /// most every kMeterPortInterval frames (hosts read them at screen rate).
    void writeMeterPorts(std::uint32_t frames) noexcept;

    core::AudioCore core_;
    /// The audio ports: the plugin's first layout (LV2 ports are fixed).
    core::ChannelLayout layout_;
    std::uint32_t latencySamples_;
    double sampleRate_;
    std::size_t maxBlockFrames_ = 0;
    StateKeys stateKeys_;
    std::array<const float*, core::kMaxLayoutChannels> inputs_{};
    std::array<float*, core::kMaxLayoutChannels> outputs_{};
    std::vector<const float*> controls_;
    float* latency_ = nullptr;
    /// Meter ports (a plugin with a web editor): peak, RMS per output channel.
    std::array<float*, 2 * core::kMaxLayoutChannels> meterPorts_{};
    bool hasMeterPorts_ = false;
    /// Any meter port connected (set in connectPort, read by run()).
    bool meterPortConnected_ = false;
    bool listeningToMeters_ = false;
    std::uint32_t framesSinceMeterPorts_ = 0;
    /// What each control port held when last read: only a change is an event,
    /// so a value loaded from state stands until the host moves the port.
    std::vector<float> lastPortValues_;
    /// LV2 hosts set the initial port values just before the first run(), not
    /// before activate(): those must not ramp in from the defaults.
    bool firstRunAfterActivate_ = true;
};

}  // namespace vstkit::formats::lv2
