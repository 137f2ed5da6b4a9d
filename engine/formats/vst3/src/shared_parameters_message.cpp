#include "shared_parameters_message.h"

#include <unistd.h>

#include <cstdint>
#include <cstring>

#include "pluginterfaces/vst/ivstattributes.h"

namespace vstkit::formats::vst3 {
namespace {

constexpr const char* kPayloadAttribute = "payload";

/// The bytes of the attribute. `tag` is the address of a module-local
/// object, so a message from another module or process never matches.
struct Payload {
    const void* tag;
    pid_t process;
    const std::shared_ptr<core::SharedParameters>* shared;
};

const char kModuleTag = 0;

}  // namespace

void writeSharedParameters(Steinberg::Vst::IMessage& message,
                           const std::shared_ptr<core::SharedParameters>& shared) {
    message.setMessageID(kSharedParametersMessageId);
    Steinberg::Vst::IAttributeList* attributes = message.getAttributes();
    if (attributes == nullptr) {
        return;
    }
    // The receiver copies the shared_ptr during notify(), while the sender
    // (and so `shared`) is alive: sendMessage is synchronous.
    const Payload payload{&kModuleTag, getpid(), &shared};
    attributes->setBinary(kPayloadAttribute, &payload, sizeof payload);
}

std::shared_ptr<core::SharedParameters> readSharedParameters(Steinberg::Vst::IMessage& message) {
    const char* id = message.getMessageID();
    Steinberg::Vst::IAttributeList* attributes = message.getAttributes();
    if (id == nullptr || std::strcmp(id, kSharedParametersMessageId) != 0 ||
        attributes == nullptr) {
        return nullptr;
    }
    const void* data = nullptr;
    Steinberg::uint32 size = 0;
    if (attributes->getBinary(kPayloadAttribute, data, size) != Steinberg::kResultOk ||
        size != sizeof(Payload) || data == nullptr) {
        return nullptr;
    }
    Payload payload{};
    std::memcpy(&payload, data, sizeof payload);
    if (payload.tag != &kModuleTag || payload.process != getpid() || payload.shared == nullptr) {
        return nullptr;
    }
    return *payload.shared;
}

}  // namespace vstkit::formats::vst3
