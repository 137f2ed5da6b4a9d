#include "protocol_parameter.h"

#include <algorithm>
#include <cmath>

#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::plugin {

static_assert(std::atomic<float>::is_always_lock_free, "parameters cross threads lock-free");

ProtocolParameter::ProtocolParameter(const protocol::ParamSpec& spec)
    : juce::RangedAudioParameter(
          juce::ParameterID{juce::String{spec.stableId.data(), spec.stableId.size()}, 1},
          juce::String{spec.name.data(), spec.name.size()},
          juce::AudioProcessorParameterWithIDAttributes{}.withLabel(
              juce::String{spec.unit.data(), spec.unit.size()})),
      spec_(spec),
      range_(spec.minValue, spec.maxValue),
      plainValue_(spec.defaultValue),
      normalizedValue_(protocol::toNormalized(spec, spec.defaultValue)) {}

void ProtocolParameter::setPlainValueNotifyingHost(float plain) {
    const float clamped = protocol::clampPlain(spec_, plain);
    plainValue_.store(clamped, std::memory_order_relaxed);
    normalizedValue_.store(protocol::toNormalized(spec_, clamped), std::memory_order_relaxed);
    sendValueChangedMessageToListeners(getValue());
}

float ProtocolParameter::getValue() const {
    return normalizedValue_.load(std::memory_order_relaxed);
}

void ProtocolParameter::setValue(float normalized) {
    const float plain = protocol::fromNormalized(spec_, normalized);
    plainValue_.store(plain, std::memory_order_relaxed);
    normalizedValue_.store(std::isfinite(normalized) ? std::clamp(normalized, 0.0F, 1.0F)
                                                     : protocol::toNormalized(spec_, plain),
                           std::memory_order_relaxed);
}

float ProtocolParameter::getDefaultValue() const {
    return protocol::toNormalized(spec_, spec_.defaultValue);
}

juce::String ProtocolParameter::getText(float normalized, int maximumLength) const {
    const auto text =
        juce::String{protocol::formatValue(spec_, protocol::fromNormalized(spec_, normalized))};
    return maximumLength > 0 ? text.substring(0, maximumLength) : text;
}

float ProtocolParameter::getValueForText(const juce::String& text) const {
    const auto parsed = protocol::parseValue(spec_, text.toStdString());
    return protocol::toNormalized(spec_, parsed.value_or(plainValue()));
}

}  // namespace vstkit::plugin
