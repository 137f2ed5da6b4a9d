#pragma once

#include <array>
#include <memory>

#include <vector>
#include "public.sdk/source/vst/vsteditcontroller.h"
#include "vstkit/core/shared_parameters.h"

namespace vstkit::formats::vst3 {

class ProtocolParameter;

/// The object hosts ask about parameters and the editor: Steinberg's
/// Vst::EditController with one ProtocolParameter per table row.
/// Every method runs on the host's main (UI) thread.
class PluginController final : public Steinberg::Vst::EditController {
  public:
    static Steinberg::FUnknown* create(void* context);

    Steinberg::tresult PLUGIN_API initialize(Steinberg::FUnknown* context) override;
    Steinberg::tresult PLUGIN_API terminate() override;
    Steinberg::tresult PLUGIN_API setComponentState(Steinberg::IBStream* state) override;
    Steinberg::tresult PLUGIN_API setState(Steinberg::IBStream* state) override;
    Steinberg::tresult PLUGIN_API getState(Steinberg::IBStream* state) override;
    Steinberg::IPlugView* PLUGIN_API createView(Steinberg::FIDString name) override;
    Steinberg::tresult PLUGIN_API notify(Steinberg::Vst::IMessage* message) override;

    /// The row's current normalized value.
    [[nodiscard]] float normalizedOf(std::size_t row) const noexcept;
    /// An edit gesture from the editor on row `row`: tells the host.
    void beginRowEdit(std::size_t row);
    void performRowEdit(std::size_t row, float normalized);
    void endRowEdit(std::size_t row);

    /// Shows the values the audio thread applied (host automation) since the
    /// last call, so the editor and getParamNormalized follow playback: the
    /// rows whose stored value changed, but none inside an editor gesture.
    /// Called on the editor's timer.
    void followAudio() noexcept;
    /// Starts following from the stored values as they are now: an editor
    /// opens on the host's values, not on what changed while none was open.
    void startFollowingAudio() noexcept;

    /// The audio side's output meters, once the component is connected
    /// (nullptr before: a host that keeps the two apart has no meters here).
    [[nodiscard]] core::OutputMeters* meters() const noexcept {
        return shared_ ? &shared_->meters : nullptr;
    }

    OBJ_METHODS(PluginController, Steinberg::Vst::EditController)

  private:
    void showPlain(std::size_t row, float plain) noexcept;

    std::vector<ProtocolParameter*> rows_;
    /// Rows inside an editor gesture: playback news would fight the mouse.
    std::vector<bool> editing_;
    std::shared_ptr<core::SharedParameters> shared_;
    /// Each row's stored value when followAudio() last looked.
    std::vector<float> followed_;
};

}  // namespace vstkit::formats::vst3
