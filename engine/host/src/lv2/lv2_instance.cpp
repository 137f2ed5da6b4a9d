#include "lv2_instance.h"

#include <lv2/buf-size/buf-size.h>
#include <lv2/parameters/parameters.h>
#include <lv2/urid/urid.h>

#include "vst3/host_error.h"

namespace vstkit::host {

Lv2Instance::Lv2Instance(Lv2Bundle& bundle, double sampleRate, std::uint32_t maxFrames)
    : bundle_(bundle), maxFrames_(maxFrames) {
    LV2_URID_Map& map = bundle.uridMap();
    const auto urid = [&map](const char* uri) { return map.map(map.handle, uri); };
    const auto blockLength = static_cast<std::int32_t>(maxFrames);
    const auto rate = static_cast<float>(sampleRate);
    const LV2_URID atomInt = urid("http://lv2plug.in/ns/ext/atom#Int");
    const LV2_URID atomFloat = urid("http://lv2plug.in/ns/ext/atom#Float");
    // Read by the plugin during instantiate() only, so they may live here.
    const std::array<LV2_Options_Option, 4> options{{
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_BUF_SIZE__maxBlockLength), sizeof blockLength, atomInt,
         &blockLength},
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_BUF_SIZE__nominalBlockLength), sizeof blockLength,
         atomInt, &blockLength},
        {LV2_OPTIONS_INSTANCE, 0, urid(LV2_PARAMETERS__sampleRate), sizeof rate, atomFloat, &rate},
        {LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, nullptr},
    }};
    const LV2_Feature mapFeature{LV2_URID__map, &map};
    const LV2_Feature optionsFeature{LV2_OPTIONS__options,
                                     const_cast<LV2_Options_Option*>(options.data())};
    const LV2_Feature boundedFeature{LV2_BUF_SIZE__boundedBlockLength, nullptr};
    const std::array<const LV2_Feature*, 4> features{&mapFeature, &optionsFeature, &boundedFeature,
                                                     nullptr};
    instance_ = lilv_plugin_instantiate(bundle.plugin(), sampleRate, features.data());
    if (instance_ == nullptr) {
        throw HostError("the LV2 plugin in " + bundle.path().string() + " refused to instantiate");
    }
    handle_ = lilv_instance_get_handle(instance_);
    runFunction_ = lilv_instance_get_descriptor(instance_)->run;

    const auto& ports = bundle.ports();
    controls_.resize(ports.size());
    for (std::size_t index = 0; index < ports.size(); ++index) {
        const auto& port = ports[index];
        switch (port.kind) {
            case Lv2Port::Kind::ControlInput:
            case Lv2Port::Kind::ControlOutput:
                controls_[index] = port.defaultValue;
                lilv_instance_connect_port(instance_, static_cast<std::uint32_t>(index),
                                           &controls_[index]);
                break;
            case Lv2Port::Kind::AudioInput:
                ++audioInputs_;
                break;
            case Lv2Port::Kind::AudioOutput:
                ++audioOutputs_;
                break;
            case Lv2Port::Kind::Unconnected:
                break;
        }
    }
}

Lv2Instance::~Lv2Instance() {
    if (active_) {
        lilv_instance_deactivate(instance_);
    }
    lilv_instance_free(instance_);
}

bool Lv2Instance::setControl(std::string_view symbol, float value) noexcept {
    const int index = bundle_.controlInput(symbol);
    if (index < 0) {
        return false;
    }
    controls_[static_cast<std::size_t>(index)] = value;
    return true;
}

void Lv2Instance::connectAudio(std::span<float* const> inputs, std::span<float* const> outputs) {
    scratch_.clear();
    const auto& ports = bundle_.ports();
    std::size_t input = 0;
    std::size_t output = 0;
    for (std::size_t index = 0; index < ports.size(); ++index) {
        const auto kind = ports[index].kind;
        if (kind != Lv2Port::Kind::AudioInput && kind != Lv2Port::Kind::AudioOutput) {
            continue;
        }
        const bool isInput = kind == Lv2Port::Kind::AudioInput;
        const auto given = isInput ? inputs : outputs;
        std::size_t& next = isInput ? input : output;
        float* buffer = nullptr;
        if (next < given.size()) {
            buffer = given[next];
        } else {
            buffer = scratch_.emplace_back(maxFrames_, 0.0F).data();
        }
        ++next;
        lilv_instance_connect_port(instance_, static_cast<std::uint32_t>(index), buffer);
    }
}

void Lv2Instance::activate() noexcept {
    if (!active_) {
        lilv_instance_activate(instance_);
        active_ = true;
    }
}

}  // namespace vstkit::host
