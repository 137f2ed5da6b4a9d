#include "parameter_changes.h"

namespace vstkit::host {

using namespace Steinberg;

tresult PLUGIN_API ParameterValueQueue::getPoint(int32 index, int32& sampleOffset,
                                                 Vst::ParamValue& value) {
    if (index < 0 || static_cast<std::size_t>(index) >= count_) {
        return kInvalidArgument;
    }
    sampleOffset = points_[static_cast<std::size_t>(index)].sampleOffset;
    value = points_[static_cast<std::size_t>(index)].value;
    return kResultOk;
}

tresult PLUGIN_API ParameterValueQueue::addPoint(int32 sampleOffset, Vst::ParamValue value,
                                                 int32& index) {
    if (count_ == kMaxPoints) {
        return kOutOfMemory;
    }
    points_[count_] = {sampleOffset, value};
    index = static_cast<int32>(count_++);
    return kResultOk;
}

tresult PLUGIN_API ParameterValueQueue::queryInterface(const TUID requestedIid, void** object) {
    if (object == nullptr) {
        return kInvalidArgument;
    }
    if (FUnknownPrivate::iidEqual(requestedIid, FUnknown::iid) ||
        FUnknownPrivate::iidEqual(requestedIid, Vst::IParamValueQueue::iid)) {
        *object = static_cast<Vst::IParamValueQueue*>(this);
        return kResultOk;
    }
    *object = nullptr;
    return kNoInterface;
}

bool ParameterChanges::add(Vst::ParamID id, int32 sampleOffset, Vst::ParamValue value) noexcept {
    int32 index = 0;
    Vst::IParamValueQueue* queue = addParameterData(id, index);
    return queue != nullptr && queue->addPoint(sampleOffset, value, index) == kResultOk;
}

Vst::IParamValueQueue* PLUGIN_API ParameterChanges::getParameterData(int32 index) {
    if (index < 0 || static_cast<std::size_t>(index) >= count_) {
        return nullptr;
    }
    return &queues_[static_cast<std::size_t>(index)];
}

Vst::IParamValueQueue* PLUGIN_API ParameterChanges::addParameterData(const Vst::ParamID& id,
                                                                     int32& index) {
    for (std::size_t i = 0; i < count_; ++i) {
        if (queues_[i].getParameterId() == id) {
            index = static_cast<int32>(i);
            return &queues_[i];
        }
    }
    if (count_ == queues_.size()) {
        return nullptr;
    }
    queues_[count_].reset(id);
    index = static_cast<int32>(count_);
    return &queues_[count_++];
}

}  // namespace vstkit::host
