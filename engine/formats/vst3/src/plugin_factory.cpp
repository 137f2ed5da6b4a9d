// The module's entry points and its class factory. Hosts call these on their
// main thread: ModuleEntry once after loading, GetPluginFactory to list and
// create the two classes, ModuleExit once before unloading.
#include <cstring>

#include "plugin_component.h"
#include "plugin_controller.h"
#include "pluginterfaces/base/ipluginbase.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "pluginterfaces/vst/ivsteditcontroller.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::vst3 {
namespace {

using namespace Steinberg;

template <std::size_t N>
void copyText(std::string_view text, char8 (&out)[N]) {
    const std::size_t length = std::min(text.size(), N - 1);
    if (length > 0) {  // An empty view may have no data pointer at all.
        std::memcpy(out, text.data(), length);
    }
    out[length] = 0;
}

template <std::size_t N>
void copyText(std::string_view text, char16 (&out)[N]) {
    const std::size_t length = std::min(text.size(), N - 1);
    for (std::size_t i = 0; i < length; ++i) {
        out[i] = static_cast<char16>(static_cast<unsigned char>(text[i]));
    }
    out[length] = 0;
}

void copyId(const core::Vst3ClassId& id, TUID out) {
    std::memcpy(out, id.data(), id.size());
}

/// The two classes, in the order hosts list them.
enum class ClassIndex : int32 { Component = 0, Controller = 1, Count = 2 };

// VST3 interfaces are COM-style: released through release(), never deleted
// through a base pointer, so by design they have no virtual destructor.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
/// The factory has no state: every answer comes from the plugin's identity, so
/// one static instance serves every host call.
class PluginFactory final : public IPluginFactory3 {
  public:
    tresult PLUGIN_API queryInterface(const TUID interfaceId, void** object) override {
        if (object == nullptr) {
            return kInvalidArgument;
        }
        if (FUnknownPrivate::iidEqual(interfaceId, FUnknown::iid) ||
            FUnknownPrivate::iidEqual(interfaceId, IPluginFactory::iid) ||
            FUnknownPrivate::iidEqual(interfaceId, IPluginFactory2::iid) ||
            FUnknownPrivate::iidEqual(interfaceId, IPluginFactory3::iid)) {
            *object = static_cast<IPluginFactory3*>(this);
            return kResultOk;
        }
        *object = nullptr;
        return kNoInterface;
    }
    uint32 PLUGIN_API addRef() override { return 1; }
    uint32 PLUGIN_API release() override { return 1; }

    tresult PLUGIN_API getFactoryInfo(PFactoryInfo* info) override {
        if (info == nullptr) {
            return kInvalidArgument;
        }
        const core::PluginIdentity& identity = core::pluginDefinition().identity;
        *info = PFactoryInfo{};
        copyText(identity.vendor, info->vendor);
        copyText(identity.url, info->url);
        copyText(identity.email, info->email);
        info->flags = PFactoryInfo::kUnicode;
        return kResultOk;
    }

    int32 PLUGIN_API countClasses() override { return static_cast<int32>(ClassIndex::Count); }

    tresult PLUGIN_API getClassInfo(int32 index, PClassInfo* info) override {
        PClassInfo2 full{};
        if (info == nullptr || getClassInfo2(index, &full) != kResultOk) {
            return kInvalidArgument;
        }
        *info = PClassInfo{};
        std::memcpy(info->cid, full.cid, sizeof(TUID));
        info->cardinality = full.cardinality;
        std::memcpy(info->category, full.category, sizeof info->category);
        std::memcpy(info->name, full.name, sizeof info->name);
        return kResultOk;
    }

    tresult PLUGIN_API getClassInfo2(int32 index, PClassInfo2* info) override {
        if (info == nullptr || index < 0 || index >= countClasses()) {
            return kInvalidArgument;
        }
        const core::PluginIdentity& identity = core::pluginDefinition().identity;
        const bool component = index == static_cast<int32>(ClassIndex::Component);
        *info = PClassInfo2{};
        copyId(component ? identity.vst3ComponentId : identity.vst3ControllerId, info->cid);
        info->cardinality = PClassInfo::kManyInstances;
        copyText(component ? kVstAudioEffectClass : kVstComponentControllerClass, info->category);
        copyText(identity.name, info->name);
        info->classFlags = 0;  // Component and controller share memory: not distributable.
        copyText(component ? identity.vst3Categories : std::string_view{}, info->subCategories);
        copyText(identity.vendor, info->vendor);
        copyText(identity.version, info->version);
        copyText(kVstVersionString, info->sdkVersion);
        return kResultOk;
    }

    tresult PLUGIN_API getClassInfoUnicode(int32 index, PClassInfoW* info) override {
        PClassInfo2 ascii{};
        if (info == nullptr || getClassInfo2(index, &ascii) != kResultOk) {
            return kInvalidArgument;
        }
        const core::PluginIdentity& identity = core::pluginDefinition().identity;
        *info = PClassInfoW{};
        std::memcpy(info->cid, ascii.cid, sizeof(TUID));
        info->cardinality = ascii.cardinality;
        std::memcpy(info->category, ascii.category, sizeof info->category);
        copyText(identity.name, info->name);
        info->classFlags = ascii.classFlags;
        std::memcpy(info->subCategories, ascii.subCategories, sizeof info->subCategories);
        copyText(identity.vendor, info->vendor);
        copyText(identity.version, info->version);
        copyText(kVstVersionString, info->sdkVersion);
        return kResultOk;
    }

    tresult PLUGIN_API createInstance(FIDString cid, FIDString interfaceId,
                                      void** object) override {
        if (cid == nullptr || interfaceId == nullptr || object == nullptr) {
            return kInvalidArgument;
        }
        *object = nullptr;
        const core::PluginIdentity& identity = core::pluginDefinition().identity;
        FUnknown* created = nullptr;
        if (std::memcmp(cid, identity.vst3ComponentId.data(), sizeof(TUID)) == 0) {
            created = PluginComponent::create(nullptr);
        } else if (std::memcmp(cid, identity.vst3ControllerId.data(), sizeof(TUID)) == 0) {
            created = PluginController::create(nullptr);
        } else {
            return kNoInterface;
        }
        const tresult result = created->queryInterface(interfaceId, object);
        created->release();
        return result;
    }

    tresult PLUGIN_API setHostContext(FUnknown* /*context*/) override { return kResultOk; }
};
#pragma GCC diagnostic pop

PluginFactory factory;

}  // namespace
}  // namespace vstkit::formats::vst3

extern "C" {

SMTG_EXPORT_SYMBOL Steinberg::IPluginFactory* PLUGIN_API GetPluginFactory() {
    return &vstkit::formats::vst3::factory;
}

// Nothing to set up or tear down: the module holds no global resources.
// The entry points are named per platform as VST3 defines them.
#if defined(_WIN32)
SMTG_EXPORT_SYMBOL bool PLUGIN_API InitDll() {
    return true;
}

SMTG_EXPORT_SYMBOL bool PLUGIN_API ExitDll() {
    return true;
}
#else
SMTG_EXPORT_SYMBOL bool ModuleEntry(void* /*sharedLibraryHandle*/) {
    return true;
}

SMTG_EXPORT_SYMBOL bool ModuleExit() {
    return true;
}
#endif
}
