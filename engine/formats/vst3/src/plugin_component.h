#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "public.sdk/source/vst/vstcomponent.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/core/reserved_array.h"

namespace vstkit::formats::vst3 {

// VST3 interfaces are COM-style: released through release(), never deleted
// through a base pointer, so by design they have no virtual destructor.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
/// The object a VST3 host runs audio through: Steinberg's Vst::Component for
/// buses and connection, plus IAudioProcessor over core::AudioCore.
///
/// Threads, as the VST3 spec assigns them: process() on the audio thread,
/// everything else on the host's main thread (setState may come while audio
/// runs; it hands values over through core's atomics).
class PluginComponent final : public Steinberg::Vst::Component,
                              public Steinberg::Vst::IAudioProcessor,
                              public Steinberg::Vst::IProcessContextRequirements {
  public:
    PluginComponent();
    ~PluginComponent() override;

    static Steinberg::FUnknown* create(void* context);

    // Main thread: lifecycle and configuration.
    Steinberg::tresult PLUGIN_API initialize(Steinberg::FUnknown* context) override;
    Steinberg::tresult PLUGIN_API setActive(Steinberg::TBool state) override;
    Steinberg::tresult PLUGIN_API setBusArrangements(Steinberg::Vst::SpeakerArrangement* inputs,
                                                     Steinberg::int32 numIns,
                                                     Steinberg::Vst::SpeakerArrangement* outputs,
                                                     Steinberg::int32 numOuts) override;
    Steinberg::tresult PLUGIN_API
    getBusArrangement(Steinberg::Vst::BusDirection dir, Steinberg::int32 index,
                      Steinberg::Vst::SpeakerArrangement& arrangement) override;
    Steinberg::tresult PLUGIN_API
    canProcessSampleSize(Steinberg::int32 symbolicSampleSize) override;
    Steinberg::uint32 PLUGIN_API getLatencySamples() override;
    Steinberg::tresult PLUGIN_API setupProcessing(Steinberg::Vst::ProcessSetup& setup) override;
    Steinberg::uint32 PLUGIN_API getTailSamples() override;
    Steinberg::uint32 PLUGIN_API getProcessContextRequirements() override { return 0; }
    Steinberg::tresult PLUGIN_API connect(Steinberg::Vst::IConnectionPoint* other) override;

    // Main thread, also while audio runs: state.
    Steinberg::tresult PLUGIN_API setState(Steinberg::IBStream* state) override;
    Steinberg::tresult PLUGIN_API getState(Steinberg::IBStream* state) override;

    // Audio thread (setProcessing may also come from the UI thread: it only
    // asks the next process() to drop the ramp). Wrapped whole in the
    // real-time guard.
    Steinberg::tresult PLUGIN_API setProcessing(Steinberg::TBool state) override;
    Steinberg::tresult PLUGIN_API process(Steinberg::Vst::ProcessData& data) override;

    OBJ_METHODS(PluginComponent, Steinberg::Vst::Component)
    DEFINE_INTERFACES
    DEF_INTERFACE(Steinberg::Vst::IAudioProcessor)
    DEF_INTERFACE(Steinberg::Vst::IProcessContextRequirements)
    END_DEFINE_INTERFACES(Steinberg::Vst::Component)
    REFCOUNT_METHODS(Steinberg::Vst::Component)

  private:
    void collectParameterChanges(Steinberg::Vst::IParameterChanges* changes) noexcept;
    core::ProcessStatus process32(Steinberg::Vst::ProcessData& data, std::size_t channels) noexcept;
    core::ProcessStatus process64(Steinberg::Vst::ProcessData& data, std::size_t channels) noexcept;
    [[nodiscard]] std::size_t activeChannels(
        const Steinberg::Vst::ProcessData& data) const noexcept;
    [[nodiscard]] std::uint64_t outputSilenceFlags(const Steinberg::Vst::ProcessData& data,
                                                   std::size_t channels,
                                                   core::ProcessStatus status) const noexcept;

    core::AudioCore core_;
    const core::AudioFacts& audio_;
    /// Table rows by VST3 ParamID, sorted by id, built once.
    std::vector<std::pair<Steinberg::Vst::ParamID, std::uint32_t>> rowsById_;
    Steinberg::Vst::ProcessSetup setup_{Steinberg::Vst::kRealtime, Steinberg::Vst::kSample32, 4096,
                                        48000.0};
    /// The layout the host chose among the plugin's; the first until then.
    core::ChannelLayout layout_;
    /// 64-bit hosts: samples are converted to float through this buffer, in
    /// slices of kConversionFrames, so its size never depends on the host.
    /// Untouched (not resident) in the common 32-bit case.
    static constexpr std::size_t kConversionFrames = 1024;
    core::ReservedArray<float> conversion_{core::kMaxLayoutChannels * kConversionFrames};
    /// setProcessing(true) may come from the UI thread: the audio thread
    /// drops the ramp at its next block instead.
    std::atomic<bool> resetPending_{false};
    /// This instance's entry in the module's shared-parameters registry.
    std::uint64_t sharedId_ = 0;
};
#pragma GCC diagnostic pop

}  // namespace vstkit::formats::vst3
