#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clap_event_lists.h"
#include "clap_host.h"
#include "clap_module.h"
#include "vstkit/formats/clap/abi/audio_ports.h"
#include "vstkit/formats/clap/abi/gui.h"
#include "vstkit/formats/clap/abi/latency.h"
#include "vstkit/formats/clap/abi/params.h"
#include "vstkit/formats/clap/abi/plugin.h"
#include "vstkit/formats/clap/abi/render.h"
#include "vstkit/formats/clap/abi/run_loop.h"
#include "vstkit/formats/clap/abi/state.h"
#include "vstkit/formats/clap/abi/tail.h"

namespace vstkit::host {

/// A plugin's audio ports as it reports them.
struct ClapPorts {
    std::vector<clap_abi::AudioPortInfo> inputs;
    std::vector<clap_abi::AudioPortInfo> outputs;

    /// Channels of the main (first) input or output port; 0 when there is none.
    [[nodiscard]] std::uint32_t mainInputChannels() const noexcept;
    [[nodiscard]] std::uint32_t mainOutputChannels() const noexcept;
    /// "in 2 (main) / out 2 (main)".
    [[nodiscard]] std::string text() const;
};

/// The extensions a plugin offers; null for the ones it lacks.
struct ClapExtensions {
    const clap_abi::PluginAudioPorts* audioPorts = nullptr;
    const clap_abi::PluginAudioPortsConfig* audioPortsConfig = nullptr;
    const clap_abi::PluginParams* params = nullptr;
    const clap_abi::PluginState* state = nullptr;
    const clap_abi::PluginGui* gui = nullptr;
    const clap_abi::PluginLatency* latency = nullptr;
    const clap_abi::PluginTail* tail = nullptr;
    const clap_abi::PluginPosixFdSupport* posixFd = nullptr;
    const clap_abi::PluginTimerSupport* timers = nullptr;
    const clap_abi::PluginRender* render = nullptr;
};

/// One plugin instance with its own ClapHost, driven as a DAW drives it:
/// created through the factory and initialized, activated, processed with
/// 32-bit buffers, stopped, deactivated and destroyed (the destructor does
/// whatever of that is left). Every call but process() and those marked
/// [audio] is a main-thread call; the [audio] ones run inside an
/// AudioThreadScope on the calling thread.
class ClapInstance final {
  public:
    /// Creates and initializes the plugin `pluginId` (the first when empty).
    /// Throws HostError when the factory or init() refuses.
    explicit ClapInstance(const ClapModule& module, std::string_view pluginId = {});
    ~ClapInstance();
    ClapInstance(const ClapInstance&) = delete;
    ClapInstance& operator=(const ClapInstance&) = delete;
    ClapInstance(ClapInstance&&) = delete;
    ClapInstance& operator=(ClapInstance&&) = delete;

    [[nodiscard]] const clap_abi::Plugin& plugin() const noexcept { return *plugin_; }
    [[nodiscard]] ClapHost& host() noexcept { return *host_; }
    [[nodiscard]] const ClapExtensions& extensions() const noexcept { return extensions_; }

    /// Asks the audio-ports extension for the ports now (none without it).
    [[nodiscard]] ClapPorts readPorts() const;
    /// The ports as of the last activation (or construction).
    [[nodiscard]] const ClapPorts& ports() const noexcept { return ports_; }

    /// Deactivates first when active, reads the ports, sizes the buffers and
    /// activates. False when the plugin refuses.
    [[nodiscard]] bool activate(double sampleRate, std::uint32_t minFrames,
                                std::uint32_t maxFrames);
    /// activate(sampleRate, 1, maxFrames) and startProcessing(); throws
    /// HostError when either is refused.
    void start(double sampleRate, std::uint32_t maxFrames);
    /// [audio] False when refused (or not active).
    [[nodiscard]] bool startProcessing();
    /// [audio] Does nothing unless processing.
    void stopProcessing();
    /// Stops processing first; does nothing unless active.
    void deactivate();
    /// [audio] clap_plugin.reset, while active.
    void reset();
    [[nodiscard]] bool isActive() const noexcept { return active_; }
    [[nodiscard]] bool isProcessing() const noexcept { return processing_; }
    [[nodiscard]] double sampleRate() const noexcept { return sampleRate_; }
    [[nodiscard]] std::uint32_t maxFrames() const noexcept { return maxFrames_; }

    /// [audio] One block: `inputs` feed the main input port's channels,
    /// `outputs` take the main output port's (the same pointers for in-place
    /// processing); other ports and missing channels get silent scratch
    /// buffers. Starts processing first if needed. Pushed events go to
    /// outputEvents(). Never allocates. kProcessError when not active or
    /// frames exceed the activation's maximum.
    clap_abi::ProcessStatus process(std::span<float* const> inputs, std::span<float* const> outputs,
                                    std::uint32_t frames, const InputEventList& events) noexcept;
    /// What the plugin pushed from process() and flush(); the caller clears it.
    [[nodiscard]] OutputEventList& outputEvents() noexcept { return outputEvents_; }

    /// The parameter infos as read at construction (or by rereadParameters).
    [[nodiscard]] const std::vector<clap_abi::ParamInfo>& parameters() const noexcept {
        return parameters_;
    }
    void rereadParameters();
    /// By name (any case) or by numeric id.
    [[nodiscard]] std::optional<clap_abi::ParamInfo> findParameter(std::string_view nameOrId) const;
    /// The cookie the plugin gave with the parameter's info (null if none).
    [[nodiscard]] void* cookieOf(clap_abi::Id id) const noexcept;
    [[nodiscard]] std::optional<double> value(clap_abi::Id id) const;
    [[nodiscard]] std::optional<std::string> valueToText(clap_abi::Id id, double value) const;
    [[nodiscard]] std::optional<double> textToValue(clap_abi::Id id, std::string_view text) const;
    /// params.flush with these events; what the plugin pushes goes to
    /// outputEvents(). On the audio thread's terms while active. False
    /// without the params extension.
    bool flush(const InputEventList& events);
    /// Sets plain values through a flush (one event each, at time 0).
    bool setValues(std::span<const std::pair<clap_abi::Id, double>> values);

    /// The plugin's state, or nothing when it has no state extension or
    /// save() fails.
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> saveState() const;
    /// load() from memory, read in pieces of at most `chunk` bytes.
    [[nodiscard]] bool loadState(std::span<const std::uint8_t> bytes,
                                 std::size_t chunk = SIZE_MAX) const;

    /// Runs the host's main-thread loop for `duration`: polls the registered
    /// descriptors (on_fd), fires due timers (on_timer), answers
    /// request_callback (on_main_thread) and request_flush (params.flush).
    void pump(std::chrono::milliseconds duration);

  private:
    void prepareBuffers();
    /// Points a main port's channels at the caller's, and the rest at scratch.
    static void attachMain(std::vector<float*>& channels, const std::vector<float*>& scratch,
                           std::span<float* const> given, std::uint32_t frames,
                           bool silenceScratch) noexcept;

    std::unique_ptr<ClapHost> host_;
    const clap_abi::Plugin* plugin_ = nullptr;
    ClapExtensions extensions_;
    ClapPorts ports_;
    std::vector<clap_abi::ParamInfo> parameters_;
    bool active_ = false;
    bool processing_ = false;
    double sampleRate_ = 0.0;
    std::uint32_t maxFrames_ = 0;
    std::int64_t steadyTime_ = 0;

    // The process() buffers, sized at activation: one AudioBuffer per port,
    // its channel pointers, and silent scratch channels.
    std::vector<clap_abi::AudioBuffer> inputBuffers_;
    std::vector<clap_abi::AudioBuffer> outputBuffers_;
    std::vector<std::vector<float*>> inputChannels_;
    std::vector<std::vector<float*>> outputChannels_;
    std::vector<std::vector<float>> scratch_;
    std::vector<float*> mainInputScratch_;
    std::vector<float*> mainOutputScratch_;
    OutputEventList outputEvents_;
    /// The process() argument, reused by every block.
    clap_abi::Process block_{};
};

}  // namespace vstkit::host
