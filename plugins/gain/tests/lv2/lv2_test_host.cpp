#include "lv2_test_host.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

#include "plugin.h"
#include "vstkit/formats/lv2/port_layout.h"

namespace vstkit::lv2_tests {

LV2_URID UridMap::id(const std::string& uri) {
    const auto [entry, added] = ids_.try_emplace(uri, static_cast<LV2_URID>(ids_.size() + 1));
    return entry->second;
}

LV2_URID UridMap::mapCallback(LV2_URID_Map_Handle handle, const char* uri) {
    return static_cast<UridMap*>(handle)->id(uri);
}

Lv2Module::Lv2Module(const std::string& bundleDir, const std::string& binaryName) {
    const std::string path = bundleDir + "/" + binaryName;
    handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) {
        error_ = dlerror();
    }
}

Lv2Module::~Lv2Module() {
    if (handle_ != nullptr) {
        dlclose(handle_);
    }
}

void* Lv2Module::symbol(const char* name) const {
    return handle_ == nullptr ? nullptr : dlsym(handle_, name);
}

Lv2Instance::Lv2Instance(const LV2_Descriptor& descriptor, double sampleRate,
                         const std::vector<const LV2_Feature*>& features, std::size_t maxFrames)
    : descriptor_(descriptor) {
    std::vector<const LV2_Feature*> terminated = features;
    terminated.push_back(nullptr);
    handle_ = descriptor_.instantiate(&descriptor_, sampleRate, "", terminated.data());
    if (handle_ == nullptr) {
        return;
    }
    for (std::uint32_t channel = 0; channel < core::kStereo.outputs; ++channel) {
        inputs_[channel].assign(maxFrames, 0.0F);
        outputs_[channel].assign(maxFrames, 0.0F);
        descriptor_.connect_port(handle_, formats::lv2::kFirstAudioInput + channel,
                                 inputs_[channel].data());
        descriptor_.connect_port(handle_, formats::lv2::firstAudioOutput(core::kStereo) + channel,
                                 outputs_[channel].data());
    }
    for (std::size_t row = 0; row < vstkit_gain::kParameters.size(); ++row) {
        const auto& spec = vstkit_gain::kParameters[row];
        const auto port = formats::lv2::controlPortIndex(core::kStereo, row);
        controls_[port] = formats::lv2::toPortValue(spec, spec.defaultValue);
        descriptor_.connect_port(handle_, port, &controls_[port]);
    }
    descriptor_.activate(handle_);
}

const float& Lv2Instance::connectOutputControl(std::uint32_t port) {
    float& value = controls_[port];
    value = -1000.0F;  // Nothing a plugin would write.
    descriptor_.connect_port(handle_, port, &value);
    return value;
}

Lv2Instance::~Lv2Instance() {
    if (handle_ != nullptr) {
        descriptor_.deactivate(handle_);
        descriptor_.cleanup(handle_);
    }
}

std::vector<float> Lv2Instance::runConstant(float value, std::uint32_t frames) {
    for (auto& input : inputs_) {
        std::fill_n(input.begin(), frames, value);
    }
    descriptor_.run(handle_, frames);
    return {outputs_[0].begin(), outputs_[0].begin() + frames};
}

float Lv2Instance::settledOutput(float value, std::uint32_t frames) {
    const auto output = runConstant(value, frames);
    return output.empty() ? 0.0F : output.back();
}

const LV2_State_Interface* Lv2Instance::state() const {
    return static_cast<const LV2_State_Interface*>(
        descriptor_.extension_data(LV2_STATE__interface));
}

namespace {

LV2_State_Status storeCallback(LV2_State_Handle handle, std::uint32_t key, const void* value,
                               std::size_t size, std::uint32_t type, std::uint32_t flags) {
    auto& state = *static_cast<StoredState*>(handle);
    const auto* bytes = static_cast<const std::uint8_t*>(value);
    state[key] = {{bytes, bytes + size}, type, flags};
    return LV2_STATE_SUCCESS;
}

const void* retrieveCallback(LV2_State_Handle handle, std::uint32_t key, std::size_t* size,
                             std::uint32_t* type, std::uint32_t* flags) {
    const auto& state = *static_cast<const StoredState*>(handle);
    const auto found = state.find(key);
    if (found == state.end()) {
        return nullptr;
    }
    *size = found->second.value.size();
    *type = found->second.type;
    *flags = found->second.flags;
    return found->second.value.data();
}

}  // namespace

LV2_State_Status Lv2Instance::save(StoredState& into) const {
    const LV2_Feature* const none[] = {nullptr};
    return state()->save(handle_, storeCallback, &into, LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE,
                         none);
}

LV2_State_Status Lv2Instance::restore(const StoredState& from) {
    const LV2_Feature* const none[] = {nullptr};
    return state()->restore(handle_, retrieveCallback, const_cast<StoredState*>(&from), 0, none);
}

}  // namespace vstkit::lv2_tests
