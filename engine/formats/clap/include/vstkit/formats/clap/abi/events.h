#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/core.h"

namespace vstkit::clap_abi {

/// clap_event_header: the start of every event; `size` counts the whole
/// event, `time` is the sample offset in the block.
struct EventHeader {
    std::uint32_t size;
    std::uint32_t time;
    std::uint16_t spaceId;
    std::uint16_t type;
    std::uint32_t flags;
};

/// CLAP_CORE_EVENT_SPACE_ID.
inline constexpr std::uint16_t kCoreEventSpace = 0;

/// clap_event_flags.
inline constexpr std::uint32_t kEventIsLive = 1U << 0;
inline constexpr std::uint32_t kEventDontRecord = 1U << 1;

/// The core event types VstKit reads or writes (CLAP_EVENT_*).
enum EventType : std::uint16_t {
    kEventNoteOn = 0,
    kEventNoteOff = 1,
    kEventNoteChoke = 2,
    kEventNoteEnd = 3,
    kEventNoteExpression = 4,
    kEventParamValue = 5,
    kEventParamMod = 6,
    kEventParamGestureBegin = 7,
    kEventParamGestureEnd = 8,
    kEventTransport = 9,
    kEventMidi = 10,
    kEventMidiSysex = 11,
    kEventMidi2 = 12,
};

/// clap_event_param_value: a parameter's new plain value at `header.time`.
/// The note fields are -1 for a value that applies to every note.
struct EventParamValue {
    EventHeader header;
    Id paramId;
    void* cookie;
    std::int32_t noteId;
    std::int16_t portIndex;
    std::int16_t channel;
    std::int16_t key;
    double value;
};

/// clap_event_param_gesture: begin or end of a user's adjustment.
struct EventParamGesture {
    EventHeader header;
    Id paramId;
};

/// clap_input_events: a host's events for one block, sorted by time.
struct InputEvents {
    void* ctx;
    std::uint32_t (*size)(const InputEvents* list);
    const EventHeader* (*get)(const InputEvents* list, std::uint32_t index);
};

/// clap_output_events: where a plugin sends events to the host.
struct OutputEvents {
    void* ctx;
    bool (*tryPush)(const OutputEvents* list, const EventHeader* event);
};

}  // namespace vstkit::clap_abi
