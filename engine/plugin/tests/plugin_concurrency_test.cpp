#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "plugin_test_support.h"

namespace vstkit::plugin {
namespace {

// One thread moves Gain the way an editor or a host's UI thread does while
// another processes audio. Run under ThreadSanitizer (the tsan preset) this
// proves the parameter crosses threads without a data race.
TEST(PluginConcurrency, GainMovesWhileAudioRuns) {
    PluginProcessor processor;
    processor.prepareToPlay(48000.0, 64);
    auto& gain = processor.parameter(protocol::ParamId::Gain);
    std::atomic<bool> audioRunning{true};
    std::atomic<int> moves{0};

    std::thread uiThread{[&] {
        int step = 0;
        while (audioRunning.load()) {
            gain.beginChangeGesture();
            gain.setValueNotifyingHost(static_cast<float>(step % 101) / 100.0F);
            gain.endChangeGesture();
            ++step;
            moves.store(step);
            std::this_thread::sleep_for(std::chrono::microseconds{200});
        }
    }};

    juce::AudioBuffer<float> block(2, 64);
    juce::MidiBuffer midi;
    long long phase = 0;
    int blocks = 0;
    bool allFinite = true;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds{2};
    while (std::chrono::steady_clock::now() < end) {
        testing::fillSine(block, 48000.0, 1000.0, phase, 0.05F);
        processor.processBlock(block, midi);
        for (int frame = 0; frame < 64; ++frame) {
            allFinite = allFinite && std::isfinite(block.getSample(0, frame)) &&
                        std::abs(block.getSample(0, frame)) <= 0.05F * 15.85F;
        }
        ++blocks;
    }
    audioRunning.store(false);
    uiThread.join();
    EXPECT_TRUE(allFinite);
    EXPECT_GT(moves.load(), 100);
    EXPECT_GT(blocks, 1000);
}

}  // namespace
}  // namespace vstkit::plugin
