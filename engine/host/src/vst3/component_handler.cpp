#include "component_handler.h"

namespace vstkit::host {

using namespace Steinberg;

tresult PLUGIN_API ComponentHandler::beginEdit(Vst::ParamID id) {
    events_.push_back({Kind::BeginEdit, id, 0.0});
    return kResultOk;
}

tresult PLUGIN_API ComponentHandler::performEdit(Vst::ParamID id, Vst::ParamValue value) {
    events_.push_back({Kind::PerformEdit, id, value});
    return kResultOk;
}

tresult PLUGIN_API ComponentHandler::endEdit(Vst::ParamID id) {
    events_.push_back({Kind::EndEdit, id, 0.0});
    return kResultOk;
}

tresult PLUGIN_API ComponentHandler::restartComponent(int32 flags) {
    events_.push_back({Kind::Restart, 0, static_cast<double>(flags)});
    return kResultOk;
}

ComponentHandler::GestureCounts ComponentHandler::gesturesOf(Vst::ParamID id) const noexcept {
    GestureCounts counts;
    for (const auto& event : events_) {
        if (event.id != id) {
            continue;
        }
        counts.begins += event.kind == Kind::BeginEdit ? 1 : 0;
        counts.performs += event.kind == Kind::PerformEdit ? 1 : 0;
        counts.ends += event.kind == Kind::EndEdit ? 1 : 0;
    }
    return counts;
}

}  // namespace vstkit::host
