// The fixture's module entry points and factory: one audio class, made the
// way every VST3 module makes its classes.
#include <cstring>

#include "fixture_plugin.h"
#include "pluginterfaces/base/ipluginbase.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"

namespace vstkit::host::fixture {

using namespace Steinberg;

namespace {

class FixtureFactory final : public HostObject<IPluginFactory> {
  public:
    tresult PLUGIN_API getFactoryInfo(PFactoryInfo* info) override {
        if (info == nullptr) {
            return kInvalidArgument;
        }
        *info = {};
        std::strncpy(info->vendor, "VstKit tests", sizeof info->vendor - 1);
        info->flags = PFactoryInfo::kUnicode;
        return kResultOk;
    }

    int32 PLUGIN_API countClasses() override { return 1; }

    tresult PLUGIN_API getClassInfo(int32 index, PClassInfo* info) override {
        if (index != 0 || info == nullptr) {
            return kInvalidArgument;
        }
        *info = {};
        std::memcpy(info->cid, kClassId, sizeof(TUID));
        info->cardinality = PClassInfo::kManyInstances;
        std::strncpy(info->category, kVstAudioEffectClass, sizeof info->category - 1);
        std::strncpy(info->name, "vstkit-host fixture", sizeof info->name - 1);
        return kResultOk;
    }

    tresult PLUGIN_API createInstance(FIDString cid, FIDString interfaceId,
                                      void** object) override {
        if (object == nullptr) {
            return kInvalidArgument;
        }
        *object = nullptr;
        if (cid == nullptr || std::memcmp(cid, kClassId, sizeof(TUID)) != 0) {
            return kNoInterface;
        }
        auto* plugin = new FixturePlugin;
        TUID wanted{};
        std::memcpy(wanted, interfaceId, sizeof(TUID));
        const tresult result = plugin->queryInterface(wanted, object);
        plugin->release();
        return result;
    }
};

}  // namespace

}  // namespace vstkit::host::fixture

#define VSTKIT_FIXTURE_EXPORT extern "C" SMTG_EXPORT_SYMBOL

VSTKIT_FIXTURE_EXPORT bool ModuleEntry(void*) {
    return true;
}

VSTKIT_FIXTURE_EXPORT bool ModuleExit() {
    return true;
}

VSTKIT_FIXTURE_EXPORT Steinberg::IPluginFactory* PLUGIN_API GetPluginFactory() {
    return new vstkit::host::fixture::FixtureFactory;
}
