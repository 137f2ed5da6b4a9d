// The LV2 plugin binary's one exported symbol, lv2_descriptor(), and the C
// callbacks it hands the host, each forwarding to an Lv2Plugin.
#include <cstdint>
#include <cstring>
#include <new>
#include <string>

#include <lv2/core/lv2.h>
#include <lv2/state/state.h>

#include "lv2_plugin.h"
#include "vstkit/core/export.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::lv2 {
namespace {

Lv2Plugin& self(LV2_Handle instance) {
    return *static_cast<Lv2Plugin*>(instance);
}

LV2_Handle instantiate(const LV2_Descriptor* /*descriptor*/, double sampleRate,
                       const char* /*bundlePath*/, const LV2_Feature* const* features) {
    // A host must never see an exception; failing to instantiate is the LV2 way.
    try {
        return new Lv2Plugin(sampleRate, features);
    } catch (...) {
        return nullptr;
    }
}

void connectPort(LV2_Handle instance, std::uint32_t port, void* data) {
    self(instance).connectPort(port, data);
}

void activate(LV2_Handle instance) {
    self(instance).activate();
}

void run(LV2_Handle instance, std::uint32_t frames) {
    self(instance).run(frames);
}

void deactivate(LV2_Handle /*instance*/) {}

void cleanup(LV2_Handle instance) {
    delete static_cast<Lv2Plugin*>(instance);
}

LV2_State_Status saveState(LV2_Handle instance, LV2_State_Store_Function store,
                           LV2_State_Handle handle, std::uint32_t /*flags*/,
                           const LV2_Feature* const* /*features*/) {
    try {
        return self(instance).save(store, handle);
    } catch (...) {
        return LV2_STATE_ERR_UNKNOWN;
    }
}

LV2_State_Status restoreState(LV2_Handle instance, LV2_State_Retrieve_Function retrieve,
                              LV2_State_Handle handle, std::uint32_t /*flags*/,
                              const LV2_Feature* const* /*features*/) {
    try {
        return self(instance).restore(retrieve, handle);
    } catch (...) {
        return LV2_STATE_ERR_UNKNOWN;
    }
}

const void* extensionData(const char* uri) {
    static constexpr LV2_State_Interface kStateInterface{saveState, restoreState};
    if (std::strcmp(uri, LV2_STATE__interface) == 0) {
        return &kStateInterface;
    }
    return nullptr;
}

const LV2_Descriptor& descriptor() {
    // The URI must outlive every host's use of the descriptor: keep it for the
    // life of the module.
    static const std::string uri{core::pluginDefinition().identity.lv2Uri};
    static const LV2_Descriptor kDescriptor{uri.c_str(), instantiate, connectPort, activate,
                                            run,         deactivate,  cleanup,     extensionData};
    return kDescriptor;
}

}  // namespace
}  // namespace vstkit::formats::lv2

extern "C" VSTKIT_EXPORT const LV2_Descriptor* lv2_descriptor(std::uint32_t index) {
    return index == 0 ? &vstkit::formats::lv2::descriptor() : nullptr;
}
