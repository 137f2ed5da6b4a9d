#pragma once

#include <array>
#include <cstddef>
#include <span>
#include "vstkit/core/reserved_array.h"
#include "vstkit/dsp/parameter_event.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::core {

/// One block's parameter events, kept sorted by offset, in storage made once
/// for the table's rows, so filling it on the audio thread never allocates.
///
/// Capacity: when a host sends more points than fit, intermediate points are
/// dropped but a parameter's final point of the block (add(..., true)) always
/// fits, so automation never ends a block on a stale value.
class EventList final {
  public:
    /// Room for intermediate points; the final points have their own.
    static constexpr std::size_t kIntermediateCapacity = 1024;

    /// Room for kIntermediateCapacity points plus one final point per row
    /// (host thread: allocates).
    explicit EventList(std::size_t rows) : events_(kIntermediateCapacity + rows) {}

    [[nodiscard]] std::size_t capacity() const noexcept { return events_.size(); }

    void clear() noexcept { size_ = 0; }

    /// Inserts after every event at the same or an earlier offset (points of
    /// one parameter arrive in order, so their order is kept). Returns false
    /// when the point was dropped for lack of room.
    bool add(const dsp::ParameterEvent& event, bool finalPointOfParameter) noexcept {
        const std::size_t limit = finalPointOfParameter ? events_.size() : kIntermediateCapacity;
        if (size_ >= limit) {
            return false;
        }
        std::size_t position = size_;
        while (position > 0 && events_[position - 1].offset > event.offset) {
            events_[position] = events_[position - 1];
            --position;
        }
        events_[position] = event;
        ++size_;
        return true;
    }

    [[nodiscard]] std::span<const dsp::ParameterEvent> events() const noexcept {
        return {events_.data(), size_};
    }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  private:
    ReservedArray<dsp::ParameterEvent> events_;
    std::size_t size_ = 0;
};

}  // namespace vstkit::core
