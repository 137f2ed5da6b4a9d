#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::plugin {

/// A host-visible parameter made from one row of the protocol table. It stores
/// the plain value itself (not a normalized one), so a value restored from
/// saved state is bit-identical to the one saved, and every conversion
/// (range, text) is the protocol's own.
class ProtocolParameter final : public juce::RangedAudioParameter {
  public:
    explicit ProtocolParameter(const protocol::ParamSpec& spec);

    /// Audio thread: one relaxed atomic load.
    [[nodiscard]] float plainValue() const noexcept {
        return plainValue_.load(std::memory_order_relaxed);
    }

    /// Message thread: sets an exact plain value (clamped) and tells the host.
    void setPlainValueNotifyingHost(float plain);

    [[nodiscard]] const protocol::ParamSpec& spec() const noexcept { return spec_; }

    // juce::AudioProcessorParameter. Hosts call these from any thread.
    float getValue() const override;
    void setValue(float normalized) override;
    float getDefaultValue() const override;
    juce::String getText(float normalized, int maximumLength) const override;
    float getValueForText(const juce::String& text) const override;
    const juce::NormalisableRange<float>& getNormalisableRange() const override { return range_; }

  private:
    const protocol::ParamSpec& spec_;
    const juce::NormalisableRange<float> range_;
    std::atomic<float> plainValue_;
    // The host's normalized value, kept as given: JUCE's VST3 wrapper treats
    // any difference from getValue() as a change and then notifies listeners
    // (taking a lock) on the audio thread, so the round trip must be exact.
    std::atomic<float> normalizedValue_;
};

}  // namespace vstkit::plugin
