#include "shared_parameters_message.h"

#include <cstring>
#include <map>
#include <mutex>
#include <random>

#include "pluginterfaces/vst/ivstattributes.h"

namespace vstkit::formats::vst3 {
namespace {

constexpr const char* kIdAttribute = "id";

struct Registry {
    std::mutex mutex;
    std::map<std::uint64_t, std::weak_ptr<core::SharedParameters>> entries;
    std::mt19937_64 random{std::random_device{}()};
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

std::uint64_t registerSharedParameters(const std::shared_ptr<core::SharedParameters>& shared) {
    Registry& r = registry();
    const std::lock_guard lock{r.mutex};
    std::uint64_t id = 0;
    do {
        id = r.random();
    } while (id == 0 || r.entries.contains(id));
    r.entries.emplace(id, shared);
    return id;
}

void unregisterSharedParameters(std::uint64_t id) noexcept {
    Registry& r = registry();
    const std::lock_guard lock{r.mutex};
    r.entries.erase(id);
}

void writeSharedParametersId(Steinberg::Vst::IMessage& message, std::uint64_t id) {
    message.setMessageID(kSharedParametersMessageId);
    if (Steinberg::Vst::IAttributeList* attributes = message.getAttributes()) {
        attributes->setInt(kIdAttribute, static_cast<Steinberg::int64>(id));
    }
}

std::shared_ptr<core::SharedParameters> readSharedParameters(Steinberg::Vst::IMessage& message) {
    const char* messageId = message.getMessageID();
    Steinberg::Vst::IAttributeList* attributes = message.getAttributes();
    if (messageId == nullptr || std::strcmp(messageId, kSharedParametersMessageId) != 0 ||
        attributes == nullptr) {
        return nullptr;
    }
    Steinberg::int64 id = 0;
    if (attributes->getInt(kIdAttribute, id) != Steinberg::kResultOk) {
        return nullptr;
    }
    Registry& r = registry();
    const std::lock_guard lock{r.mutex};
    const auto entry = r.entries.find(static_cast<std::uint64_t>(id));
    return entry == r.entries.end() ? nullptr : entry->second.lock();
}

}  // namespace vstkit::formats::vst3
