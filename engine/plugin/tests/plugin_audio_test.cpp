#include <gtest/gtest.h>

#include <limits>

#include "plugin_test_support.h"

namespace vstkit::plugin {
namespace {

using testing::fillSine;
using testing::rmsDb;
using testing::setGainDb;

/// Plays a 1 kHz sine through the plugin for a second and returns the level
/// change over the last half second, in dB.
double measuredGainDb(PluginProcessor& processor, double sampleRate, int blockFrames,
                      bool bypassed) {
    processor.prepareToPlay(sampleRate, blockFrames);
    juce::AudioBuffer<float> block(2, blockFrames);
    juce::MidiBuffer midi;
    long long phase = 0;
    double levelChange = 0.0;
    int measuredBlocks = 0;
    const int totalBlocks = static_cast<int>(sampleRate) / blockFrames;
    for (int index = 0; index < totalBlocks; ++index) {
        fillSine(block, sampleRate, 1000.0, phase);
        const double inputDb = rmsDb(block, 0);
        if (bypassed) {
            processor.processBlockBypassed(block, midi);
        } else {
            processor.processBlock(block, midi);
        }
        if (index >= totalBlocks / 2) {
            levelChange += rmsDb(block, 0) - inputDb;
            ++measuredBlocks;
            EXPECT_EQ(block.getSample(0, 7), block.getSample(1, 7));
        }
    }
    return levelChange / measuredBlocks;
}

TEST(PluginAudio, MinusSixDbComesOutAtMinusSixDb) {
    PluginProcessor processor;
    setGainDb(processor, -6.0F);
    EXPECT_NEAR(measuredGainDb(processor, 48000.0, 512, false), -6.0, 0.05);
}

TEST(PluginAudio, ZeroDbPassesAudioBitExact) {
    PluginProcessor processor;
    processor.prepareToPlay(44100.0, 64);
    juce::AudioBuffer<float> block(2, 64);
    long long phase = 0;
    fillSine(block, 44100.0, 1000.0, phase);
    juce::AudioBuffer<float> original{block};
    juce::MidiBuffer midi;
    processor.processBlock(block, midi);
    for (int frame = 0; frame < 64; ++frame) {
        ASSERT_EQ(block.getSample(0, frame), original.getSample(0, frame));
        ASSERT_EQ(block.getSample(1, frame), original.getSample(1, frame));
    }
}

TEST(PluginAudio, BypassPassesAudioAtUnityAfterARamp) {
    PluginProcessor processor;
    setGainDb(processor, -12.0F);
    EXPECT_NEAR(measuredGainDb(processor, 48000.0, 256, true), 0.0, 1e-4);
}

TEST(PluginAudio, MonoLayoutWorks) {
    PluginProcessor processor;
    ASSERT_TRUE(processor.setChannelLayoutOfBus(true, 0, juce::AudioChannelSet::mono()));
    ASSERT_TRUE(processor.setChannelLayoutOfBus(false, 0, juce::AudioChannelSet::mono()));
    setGainDb(processor, 6.0F);
    processor.prepareToPlay(96000.0, 1024);
    juce::AudioBuffer<float> block(1, 1024);
    juce::MidiBuffer midi;
    long long phase = 0;
    double change = 0.0;
    for (int index = 0; index < 20; ++index) {
        fillSine(block, 96000.0, 1000.0, phase, 0.1F);
        const double before = rmsDb(block, 0);
        processor.processBlock(block, midi);
        change = rmsDb(block, 0) - before;
    }
    EXPECT_NEAR(change, 6.0, 0.05);
}

TEST(PluginAudio, SurvivesNanInfAndZeroFrameBlocks) {
    PluginProcessor processor;
    setGainDb(processor, -3.0F);
    processor.prepareToPlay(48000.0, 128);
    juce::MidiBuffer midi;
    juce::AudioBuffer<float> empty(2, 0);
    processor.processBlock(empty, midi);

    juce::AudioBuffer<float> block(2, 128);
    for (int frame = 0; frame < 128; ++frame) {
        block.setSample(0, frame, std::numeric_limits<float>::quiet_NaN());
        block.setSample(1, frame, std::numeric_limits<float>::infinity());
    }
    processor.processBlock(block, midi);

    long long phase = 0;
    fillSine(block, 48000.0, 1000.0, phase);
    processor.processBlock(block, midi);
    for (int frame = 0; frame < 128; ++frame) {
        ASSERT_TRUE(std::isfinite(block.getSample(0, frame)));
        ASSERT_TRUE(std::isfinite(block.getSample(1, frame)));
    }
}

}  // namespace
}  // namespace vstkit::plugin
