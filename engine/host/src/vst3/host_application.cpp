#include "host_application.h"

#include <algorithm>
#include <cstring>

#include "strings.h"

namespace vstkit::host {

using namespace Steinberg;

tresult PLUGIN_API AttributeList::setInt(AttrID id, int64 value) {
    values_[id] = value;
    return kResultOk;
}

tresult PLUGIN_API AttributeList::getInt(AttrID id, int64& value) {
    const auto found = values_.find(id);
    if (found == values_.end() || !std::holds_alternative<int64>(found->second)) {
        return kResultFalse;
    }
    value = std::get<int64>(found->second);
    return kResultOk;
}

tresult PLUGIN_API AttributeList::setFloat(AttrID id, double value) {
    values_[id] = value;
    return kResultOk;
}

tresult PLUGIN_API AttributeList::getFloat(AttrID id, double& value) {
    const auto found = values_.find(id);
    if (found == values_.end() || !std::holds_alternative<double>(found->second)) {
        return kResultFalse;
    }
    value = std::get<double>(found->second);
    return kResultOk;
}

tresult PLUGIN_API AttributeList::setString(AttrID id, const Vst::TChar* string) {
    std::u16string text;
    for (const Vst::TChar* c = string; c != nullptr && *c != 0; ++c) {
        text += static_cast<char16_t>(*c);
    }
    values_[id] = text;
    return kResultOk;
}

tresult PLUGIN_API AttributeList::getString(AttrID id, Vst::TChar* string, uint32 sizeInBytes) {
    const auto found = values_.find(id);
    if (found == values_.end() || !std::holds_alternative<std::u16string>(found->second) ||
        string == nullptr || sizeInBytes < sizeof(Vst::TChar)) {
        return kResultFalse;
    }
    const auto& text = std::get<std::u16string>(found->second);
    const std::size_t capacity = sizeInBytes / sizeof(Vst::TChar) - 1;
    const std::size_t length = std::min(text.size(), capacity);
    std::copy_n(text.begin(), length, string);
    string[length] = 0;
    return kResultOk;
}

tresult PLUGIN_API AttributeList::setBinary(AttrID id, const void* data, uint32 sizeInBytes) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    values_[id] = std::vector<std::uint8_t>(bytes, bytes + (bytes == nullptr ? 0 : sizeInBytes));
    return kResultOk;
}

tresult PLUGIN_API AttributeList::getBinary(AttrID id, const void*& data, uint32& sizeInBytes) {
    const auto found = values_.find(id);
    if (found == values_.end() ||
        !std::holds_alternative<std::vector<std::uint8_t>>(found->second)) {
        return kResultFalse;
    }
    const auto& bytes = std::get<std::vector<std::uint8_t>>(found->second);
    data = bytes.data();
    sizeInBytes = static_cast<uint32>(bytes.size());
    return kResultOk;
}

Message::Message() : attributes_(new AttributeList) {}

Message::~Message() {
    attributes_->release();
}

tresult PLUGIN_API HostApplication::getName(Vst::String128 name) {
    toString128("vstkit-host", name);
    return kResultOk;
}

tresult PLUGIN_API HostApplication::createInstance(TUID cid, TUID requestedIid, void** object) {
    if (object == nullptr) {
        return kInvalidArgument;
    }
    *object = nullptr;
    FUnknown* created = nullptr;
    if (FUnknownPrivate::iidEqual(cid, Vst::IMessage::iid)) {
        created = static_cast<Vst::IMessage*>(new Message);
    } else if (FUnknownPrivate::iidEqual(cid, Vst::IAttributeList::iid)) {
        created = static_cast<Vst::IAttributeList*>(new AttributeList);
    } else {
        return kNoInterface;
    }
    const tresult result = created->queryInterface(requestedIid, object);
    created->release();
    return result;
}

}  // namespace vstkit::host
