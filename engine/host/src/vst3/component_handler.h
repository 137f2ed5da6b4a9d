#pragma once

#include <vector>

#include "host_object.h"
#include "pluginterfaces/vst/ivsteditcontroller.h"

namespace vstkit::host {

/// IComponentHandler that records what the plugin's controller tells the
/// host: edit gestures and value changes, as a DAW records automation.
class ComponentHandler final : public HostObject<Steinberg::Vst::IComponentHandler> {
  public:
    enum class Kind { BeginEdit, PerformEdit, EndEdit, Restart };
    struct Event {
        Kind kind;
        Steinberg::Vst::ParamID id;
        Steinberg::Vst::ParamValue value;
    };

    Steinberg::tresult PLUGIN_API beginEdit(Steinberg::Vst::ParamID id) override;
    Steinberg::tresult PLUGIN_API performEdit(Steinberg::Vst::ParamID id,
                                              Steinberg::Vst::ParamValue value) override;
    Steinberg::tresult PLUGIN_API endEdit(Steinberg::Vst::ParamID id) override;
    Steinberg::tresult PLUGIN_API restartComponent(Steinberg::int32 flags) override;

    /// One parameter's edit calls since the last clear().
    struct GestureCounts {
        int begins = 0;
        int performs = 0;
        int ends = 0;
    };
    [[nodiscard]] GestureCounts gesturesOf(Steinberg::Vst::ParamID id) const noexcept;

    [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }
    void clear() noexcept { events_.clear(); }

  private:
    std::vector<Event> events_;
};

}  // namespace vstkit::host
