#pragma once

#include <memory>

#include "pluginterfaces/vst/ivstmessage.h"
#include "vstkit/core/shared_parameters.h"

namespace vstkit::formats::vst3 {

/// The message a component sends its controller on connect(): where the
/// instance's shared parameter values and queue live. Valid only inside one
/// process, so it carries the process id and a module-local tag, and the
/// controller ignores a message from anywhere else.
inline constexpr const char* kSharedParametersMessageId = "vstkit.sharedParameters";

/// Fills a host-allocated message. The message holds a reference until
/// takeSharedParameters() adopts it.
void writeSharedParameters(Steinberg::Vst::IMessage& message,
                           const std::shared_ptr<core::SharedParameters>& shared);

/// The shared parameters in a message from this process, or nullptr.
[[nodiscard]] std::shared_ptr<core::SharedParameters> readSharedParameters(
    Steinberg::Vst::IMessage& message);

}  // namespace vstkit::formats::vst3
