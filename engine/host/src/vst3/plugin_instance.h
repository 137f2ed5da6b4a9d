#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bus_buffers.h"
#include "component_handler.h"
#include "module.h"
#include "parameter_changes.h"
#include "pluginterfaces/base/smartpointer.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "pluginterfaces/vst/ivstcomponent.h"
#include "pluginterfaces/vst/ivsteditcontroller.h"
#include "pluginterfaces/vst/ivsthostapplication.h"
#include "pluginterfaces/vst/ivstmessage.h"
#include "pluginterfaces/vst/ivstprocesscontext.h"

namespace vstkit::host {

struct ProcessConfig {
    double sampleRate = 48000.0;
    Steinberg::int32 maxBlockFrames = 4096;
    /// Channels to ask for on the main input and output bus (1 or 2); 0
    /// keeps the arrangement the plugin has.
    Steinberg::int32 channels = 0;
    Steinberg::int32 processMode = Steinberg::Vst::kRealtime;
    Steinberg::int32 sampleSize = Steinberg::Vst::kSample32;
};

/// Channels per audio bus, as the plugin reports them. Bus 0 is the main one.
struct BusLayout {
    std::vector<Steinberg::int32> inputChannels;
    std::vector<Steinberg::int32> outputChannels;

    [[nodiscard]] Steinberg::int32 mainInputs() const noexcept {
        return inputChannels.empty() ? 0 : inputChannels.front();
    }
    [[nodiscard]] Steinberg::int32 mainOutputs() const noexcept {
        return outputChannels.empty() ? 0 : outputChannels.front();
    }
    /// E.g. "1 in + 1 aux in, 1 out".
    [[nodiscard]] std::string text() const;
};

/// One plugin instance wired up as a DAW wires it: component and controller
/// created and initialised, connected to each other, the controller synced
/// from the component's state, a component handler installed. Every method
/// but process() belongs to the host's main thread.
class PluginInstance final {
  public:
    /// Throws HostError when the plugin refuses any step.
    PluginInstance(const Module& module, const ClassDescription& audioClass,
                   Steinberg::Vst::IHostApplication& host);
    ~PluginInstance();

    PluginInstance(const PluginInstance&) = delete;
    PluginInstance& operator=(const PluginInstance&) = delete;
    PluginInstance(PluginInstance&&) = delete;
    PluginInstance& operator=(PluginInstance&&) = delete;

    /// Stops processing if needed, sets the bus arrangement (when the config
    /// asks for one) and process setup, activates the main buses, then
    /// activates and starts processing. Throws HostError.
    void start(const ProcessConfig& config);
    /// While stopped: asks for `channels` (1 or 2) on the main buses, other
    /// buses unchanged. False when the plugin refuses.
    [[nodiscard]] bool requestMainChannels(Steinberg::int32 channels);
    /// The arrangement the plugin reports now.
    [[nodiscard]] BusLayout readBusLayout() const;
    /// The arrangement of the last start().
    [[nodiscard]] const BusLayout& busLayout() const noexcept { return layout_; }
    /// setProcessing(false), setActive(false). Safe to call when stopped.
    void stop();
    [[nodiscard]] bool isRunning() const noexcept { return running_; }
    [[nodiscard]] const ProcessConfig& config() const noexcept { return config_; }

    /// Sets parameters before playback as a DAW does when a session loads:
    /// tells the controller, flushes them to the processor with a 0-frame
    /// process call, then restarts processing so they apply from sample 0.
    void setBeforePlayback(
        std::span<const std::pair<Steinberg::Vst::ParamID, double>> normalizedValues);

    /// Audio thread. One block of 32-bit audio; changes may be null. The
    /// spans are the main buses' channels; channels not given, and every
    /// other bus, get silent scratch buffers.
    Steinberg::tresult process(std::span<float* const> inputs, std::span<float* const> outputs,
                               Steinberg::int32 frames,
                               Steinberg::Vst::IParameterChanges* changes) noexcept;

    /// Audio thread. One block of 64-bit audio (after start() with kSample64).
    Steinberg::tresult process64(std::span<double* const> inputs, std::span<double* const> outputs,
                                 Steinberg::int32 frames,
                                 Steinberg::Vst::IParameterChanges* changes) noexcept;

    /// Audio thread. Silence flags for the main input bus in the following
    /// process() calls: the host's word that those channels hold only zeros.
    void setMainInputSilenceFlags(std::uint64_t flags) noexcept { inputSilenceFlags_ = flags; }
    /// The main output bus's silence flags as the last process() left them.
    [[nodiscard]] std::uint64_t mainOutputSilenceFlags() const noexcept {
        return outputSilenceFlags_;
    }

    /// Audio thread. The documented parameter flush: process() with no
    /// samples and no audio buses at all, only parameter changes.
    Steinberg::tresult flushParameters(Steinberg::Vst::IParameterChanges* changes) noexcept;

    [[nodiscard]] std::vector<Steinberg::Vst::ParameterInfo> parameters() const;
    /// By title (any letter case) or by numeric id.
    [[nodiscard]] std::optional<Steinberg::Vst::ParameterInfo> findParameter(
        std::string_view nameOrId) const;
    [[nodiscard]] std::optional<double> normalizedFromText(Steinberg::Vst::ParamID id,
                                                           std::string_view text) const;
    [[nodiscard]] std::string textFromNormalized(Steinberg::Vst::ParamID id,
                                                 double normalized) const;

    [[nodiscard]] std::vector<std::uint8_t> saveComponentState() const;
    [[nodiscard]] std::vector<std::uint8_t> saveControllerState() const;
    /// Restores the component and syncs the controller, as a DAW does on load.
    Steinberg::tresult loadComponentState(std::span<const std::uint8_t> state);
    Steinberg::tresult loadControllerState(std::span<const std::uint8_t> state);

    [[nodiscard]] Steinberg::Vst::IComponent& component() const noexcept { return *component_; }
    [[nodiscard]] Steinberg::Vst::IAudioProcessor& audioProcessor() const noexcept {
        return *processor_;
    }
    [[nodiscard]] Steinberg::Vst::IEditController& controller() const noexcept {
        return *controller_;
    }
    [[nodiscard]] ComponentHandler& handler() const noexcept { return *handler_; }

  private:
    template <typename Sample>
    Steinberg::tresult processBlock(std::span<Sample* const> inputs,
                                    std::span<Sample* const> outputs, Steinberg::int32 frames,
                                    Steinberg::Vst::IParameterChanges* changes) noexcept;

    void connect(const Module& module, Steinberg::Vst::IHostApplication& host);

    Steinberg::IPtr<Steinberg::Vst::IComponent> component_;
    Steinberg::IPtr<Steinberg::Vst::IAudioProcessor> processor_;
    Steinberg::IPtr<Steinberg::Vst::IEditController> controller_;
    Steinberg::IPtr<Steinberg::Vst::IConnectionPoint> componentConnection_;
    Steinberg::IPtr<Steinberg::Vst::IConnectionPoint> controllerConnection_;
    Steinberg::IPtr<ComponentHandler> handler_;
    Steinberg::IPtr<ParameterChanges> outputChanges_;
    bool controllerIsComponent_ = false;
    bool controllerInitialised_ = false;
    bool running_ = false;
    ProcessConfig config_;
    BusLayout layout_;
    BusBuffers inputBuffers_;
    BusBuffers outputBuffers_;
    Steinberg::Vst::ProcessContext context_{};
    /// Reused by every block, as a DAW's engine keeps one per plugin.
    Steinberg::Vst::ProcessData processData_{};
    std::uint64_t inputSilenceFlags_ = 0;
    std::uint64_t outputSilenceFlags_ = 0;
};

}  // namespace vstkit::host
