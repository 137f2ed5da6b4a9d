#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "host_object.h"
#include "pluginterfaces/vst/ivstattributes.h"
#include "pluginterfaces/vst/ivsthostapplication.h"
#include "pluginterfaces/vst/ivstmessage.h"

namespace vstkit::host {

/// IAttributeList: the key/value payload of an IMessage.
class AttributeList final : public HostObject<Steinberg::Vst::IAttributeList> {
  public:
    using AttrID = Steinberg::Vst::IAttributeList::AttrID;
    Steinberg::tresult PLUGIN_API setInt(AttrID id, Steinberg::int64 value) override;
    Steinberg::tresult PLUGIN_API getInt(AttrID id, Steinberg::int64& value) override;
    Steinberg::tresult PLUGIN_API setFloat(AttrID id, double value) override;
    Steinberg::tresult PLUGIN_API getFloat(AttrID id, double& value) override;
    Steinberg::tresult PLUGIN_API setString(AttrID id,
                                            const Steinberg::Vst::TChar* string) override;
    Steinberg::tresult PLUGIN_API getString(AttrID id, Steinberg::Vst::TChar* string,
                                            Steinberg::uint32 sizeInBytes) override;
    Steinberg::tresult PLUGIN_API setBinary(AttrID id, const void* data,
                                            Steinberg::uint32 sizeInBytes) override;
    Steinberg::tresult PLUGIN_API getBinary(AttrID id, const void*& data,
                                            Steinberg::uint32& sizeInBytes) override;

  private:
    using Value = std::variant<Steinberg::int64, double, std::u16string, std::vector<std::uint8_t>>;
    std::map<std::string, Value> values_;
};

/// IMessage, as created by the host for plugins that send messages between
/// their component and controller.
class Message final : public HostObject<Steinberg::Vst::IMessage> {
  public:
    Message();
    Steinberg::FIDString PLUGIN_API getMessageID() override { return id_.c_str(); }
    void PLUGIN_API setMessageID(Steinberg::FIDString id) override {
        id_ = id == nullptr ? "" : id;
    }
    Steinberg::Vst::IAttributeList* PLUGIN_API getAttributes() override { return attributes_; }

  private:
    ~Message() override;
    std::string id_;
    AttributeList* attributes_;
};

/// IHostApplication: names the host and creates messages for the plugin.
class HostApplication final : public HostObject<Steinberg::Vst::IHostApplication> {
  public:
    Steinberg::tresult PLUGIN_API getName(Steinberg::Vst::String128 name) override;
    Steinberg::tresult PLUGIN_API createInstance(Steinberg::TUID cid, Steinberg::TUID requestedIid,
                                                 void** object) override;
};

}  // namespace vstkit::host
