#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <cmath>
#include <numbers>

#include "plugin_processor.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::plugin::testing {

inline void setGainDb(PluginProcessor& processor, float gainDb) {
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    gain.setValueNotifyingHost(protocol::toNormalized(gain.spec(), gainDb));
}

inline void fillSine(juce::AudioBuffer<float>& buffer, double sampleRate, double frequency,
                     long long& phaseFrames, float amplitude = 0.5F) {
    for (int frame = 0; frame < buffer.getNumSamples(); ++frame) {
        const double phase = 2.0 * std::numbers::pi * frequency *
                             static_cast<double>(phaseFrames + frame) / sampleRate;
        const auto sample = static_cast<float>(amplitude * std::sin(phase));
        for (int channel = 0; channel < buffer.getNumChannels(); ++channel) {
            buffer.setSample(channel, frame, sample);
        }
    }
    phaseFrames += buffer.getNumSamples();
}

/// Root-mean-square level of one channel in dBFS.
inline double rmsDb(const juce::AudioBuffer<float>& buffer, int channel) {
    double sum = 0.0;
    for (int frame = 0; frame < buffer.getNumSamples(); ++frame) {
        const double sample = buffer.getSample(channel, frame);
        sum += sample * sample;
    }
    return 10.0 * std::log10(sum / buffer.getNumSamples());
}

}  // namespace vstkit::plugin::testing
