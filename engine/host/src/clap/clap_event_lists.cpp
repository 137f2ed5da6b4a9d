#include "clap_event_lists.h"

#include <algorithm>

namespace vstkit::host {

InputEventList::InputEventList(std::size_t capacity) : list_{this, &sizeOf, &get} {
    events_.reserve(capacity);
}

bool InputEventList::addParamValue(clap_abi::Id paramId, std::uint32_t time, double value,
                                   void* cookie) noexcept {
    if (events_.size() == events_.capacity()) {
        return false;
    }
    const clap_abi::EventParamValue event{
        {sizeof(clap_abi::EventParamValue), time, clap_abi::kCoreEventSpace,
         clap_abi::kEventParamValue, 0},
        paramId,
        cookie,
        -1,
        -1,
        -1,
        -1,
        value};
    // Within capacity: insert() moves elements but never reallocates.
    const auto after = std::upper_bound(
        events_.begin(), events_.end(), time,
        [](std::uint32_t t, const clap_abi::EventParamValue& e) { return t < e.header.time; });
    events_.insert(after, event);
    return true;
}

std::uint32_t InputEventList::sizeOf(const clap_abi::InputEvents* list) {
    return static_cast<std::uint32_t>(static_cast<const InputEventList*>(list->ctx)->size());
}

const clap_abi::EventHeader* InputEventList::get(const clap_abi::InputEvents* list,
                                                 std::uint32_t index) {
    const auto& events = static_cast<const InputEventList*>(list->ctx)->events_;
    return index < events.size() ? &events[index].header : nullptr;
}

OutputEventList::OutputEventList(std::size_t capacity)
    : capacity_(capacity), list_{this, &tryPush} {
    events_.reserve(capacity);
}

void OutputEventList::clear() noexcept {
    events_.clear();
    refused_ = 0;
    malformed_ = 0;
}

int OutputEventList::count(std::uint16_t type, clap_abi::Id paramId) const noexcept {
    return static_cast<int>(std::count_if(events_.begin(), events_.end(), [&](const Event& e) {
        return e.type == type && e.paramId == paramId;
    }));
}

bool OutputEventList::tryPush(const clap_abi::OutputEvents* list,
                              const clap_abi::EventHeader* event) {
    auto& self = *static_cast<OutputEventList*>(list->ctx);
    if (event == nullptr || self.events_.size() >= self.capacity_) {
        ++self.refused_;
        return false;
    }
    Event kept{event->type, event->time, clap_abi::kInvalidId, 0.0};
    if (event->spaceId == clap_abi::kCoreEventSpace) {
        if (event->type == clap_abi::kEventParamValue) {
            if (event->size < sizeof(clap_abi::EventParamValue)) {
                ++self.malformed_;
                return false;
            }
            const auto* value = reinterpret_cast<const clap_abi::EventParamValue*>(event);
            kept.paramId = value->paramId;
            kept.value = value->value;
        } else if (event->type == clap_abi::kEventParamGestureBegin ||
                   event->type == clap_abi::kEventParamGestureEnd) {
            if (event->size < sizeof(clap_abi::EventParamGesture)) {
                ++self.malformed_;
                return false;
            }
            kept.paramId = reinterpret_cast<const clap_abi::EventParamGesture*>(event)->paramId;
        }
    }
    self.events_.push_back(kept);
    return true;
}

}  // namespace vstkit::host
