#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "vstkit/formats/clap/abi/events.h"

namespace vstkit::host {

/// A clap_input_events for one block: parameter values kept sorted by time
/// in storage reserved up front, so filling it never allocates (it runs on
/// the audio thread in the real-time check).
class InputEventList final {
  public:
    explicit InputEventList(std::size_t capacity = 256);
    InputEventList(const InputEventList&) = delete;
    InputEventList& operator=(const InputEventList&) = delete;
    InputEventList(InputEventList&&) = delete;
    InputEventList& operator=(InputEventList&&) = delete;

    void clear() noexcept { events_.clear(); }
    /// Adds a CLAP_EVENT_PARAM_VALUE after any event at the same time.
    /// False, adding nothing, when the list is full.
    bool addParamValue(clap_abi::Id paramId, std::uint32_t time, double value,
                       void* cookie = nullptr) noexcept;

    [[nodiscard]] std::size_t size() const noexcept { return events_.size(); }
    [[nodiscard]] const clap_abi::InputEvents* list() const noexcept { return &list_; }

  private:
    static std::uint32_t sizeOf(const clap_abi::InputEvents* list);
    static const clap_abi::EventHeader* get(const clap_abi::InputEvents* list, std::uint32_t index);

    std::vector<clap_abi::EventParamValue> events_;
    clap_abi::InputEvents list_;
};

/// A clap_output_events that keeps what the plugin pushed (parameter
/// gestures and values; other events by type only) in storage reserved up
/// front: tryPush never allocates and refuses once the storage is full.
class OutputEventList final {
  public:
    struct Event {
        std::uint16_t type;
        std::uint32_t time;
        clap_abi::Id paramId;  ///< kInvalidId for events that name no parameter.
        double value;          ///< Param value events only.
    };

    explicit OutputEventList(std::size_t capacity = 4096);
    OutputEventList(const OutputEventList&) = delete;
    OutputEventList& operator=(const OutputEventList&) = delete;
    OutputEventList(OutputEventList&&) = delete;
    OutputEventList& operator=(OutputEventList&&) = delete;

    void clear() noexcept;
    [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }
    /// Pushes refused because the list was full, or malformed (wrong size).
    [[nodiscard]] int refused() const noexcept { return refused_; }
    [[nodiscard]] int malformed() const noexcept { return malformed_; }
    [[nodiscard]] const clap_abi::OutputEvents* list() const noexcept { return &list_; }

    /// How many events of `type` name `paramId`.
    [[nodiscard]] int count(std::uint16_t type, clap_abi::Id paramId) const noexcept;

  private:
    static bool tryPush(const clap_abi::OutputEvents* list, const clap_abi::EventHeader* event);

    std::vector<Event> events_;
    std::size_t capacity_;
    int refused_ = 0;
    int malformed_ = 0;
    clap_abi::OutputEvents list_;
};

}  // namespace vstkit::host
