#pragma once

#include <cstdint>
#include <memory>

#include "pluginterfaces/vst/ivstmessage.h"
#include "vstkit/core/shared_parameters.h"

namespace vstkit::formats::vst3 {

/// How a controller finds its component's shared parameter values: the
/// component registers them in this module under a random id and sends the
/// id in a message on connect(); the controller looks it up. The registry
/// holds weak references, so a late or replayed message can never reach a
/// destroyed component. The registry is this module's own and the ids are
/// random 64-bit numbers, so a message carried into another process or
/// module names nothing there.
/// Host (UI) thread only; never touched by the audio thread.
inline constexpr const char* kSharedParametersMessageId = "vstkit.sharedParameters";

/// Registers the values; returns the id to send. Unregister before they die.
[[nodiscard]] std::uint64_t registerSharedParameters(
    const std::shared_ptr<core::SharedParameters>& shared);
void unregisterSharedParameters(std::uint64_t id) noexcept;

/// Fills a host-allocated message with the id.
void writeSharedParametersId(Steinberg::Vst::IMessage& message, std::uint64_t id);

/// The shared parameters a message names, or nullptr (another message, an
/// unknown id, a component already gone, another process).
[[nodiscard]] std::shared_ptr<core::SharedParameters> readSharedParameters(
    Steinberg::Vst::IMessage& message);

}  // namespace vstkit::formats::vst3
