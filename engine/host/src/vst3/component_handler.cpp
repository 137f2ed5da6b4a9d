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

}  // namespace vstkit::host
