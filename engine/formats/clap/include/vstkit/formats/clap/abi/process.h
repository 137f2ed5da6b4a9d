#pragma once

#include <cstdint>

#include "vstkit/formats/clap/abi/events.h"

namespace vstkit::clap_abi {

/// clap_audio_buffer: one audio port's channels for a block. Bit n of
/// `constantMask` says channel n holds one value throughout.
struct AudioBuffer {
    float** data32;
    double** data64;
    std::uint32_t channelCount;
    std::uint32_t latency;
    std::uint64_t constantMask;
};

struct EventTransport;  // Not read by VstKit.

/// clap_process: one block.
struct Process {
    std::int64_t steadyTime;
    std::uint32_t framesCount;
    const EventTransport* transport;
    const AudioBuffer* audioInputs;
    AudioBuffer* audioOutputs;
    std::uint32_t audioInputsCount;
    std::uint32_t audioOutputsCount;
    const InputEvents* inEvents;
    const OutputEvents* outEvents;
};

/// clap_process_status.
using ProcessStatus = std::int32_t;
inline constexpr ProcessStatus kProcessError = 0;
inline constexpr ProcessStatus kProcessContinue = 1;
inline constexpr ProcessStatus kProcessContinueIfNotQuiet = 2;
inline constexpr ProcessStatus kProcessTail = 3;
inline constexpr ProcessStatus kProcessSleep = 4;

}  // namespace vstkit::clap_abi
