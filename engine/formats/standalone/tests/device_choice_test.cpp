#include "device_choice.h"

#include <gtest/gtest.h>

namespace vstkit::formats::standalone {
namespace {

AudioDevice device(unsigned number, std::string name, unsigned inputs, unsigned outputs,
                   std::vector<unsigned> rates = {44100, 48000}, unsigned preferred = 0) {
    return {.number = number,
            .name = std::move(name),
            .inputChannels = inputs,
            .outputChannels = outputs,
            .sampleRates = std::move(rates),
            .preferredSampleRate = preferred,
            .defaultInput = false,
            .defaultOutput = false};
}

std::vector<AudioApi> machine() {
    AudioApi jack{.api = RtAudio::UNIX_JACK,
                  .name = "jack",
                  .displayName = "Jack",
                  .devices = {},
                  .error = {}};
    AudioApi alsa{.api = RtAudio::LINUX_ALSA,
                  .name = "alsa",
                  .displayName = "ALSA",
                  .devices = {},
                  .error = {}};
    alsa.devices.push_back(device(0, "hw:Mic,0", 1, 0));
    alsa.devices.push_back(device(1, "hw:Card,0", 2, 2, {44100, 48000, 96000}, 96000));
    alsa.devices.push_back(device(2, "hw:Speaker,0", 0, 1, {44100}));
    alsa.devices[1].defaultOutput = true;
    alsa.devices[0].defaultInput = true;
    return {jack, alsa};
}

TEST(DeviceChoice, WithoutOptionsTheFirstApiWithOutputsAndItsDefaultsWin) {
    const auto result = chooseDevices(machine(), std::nullopt, std::nullopt, std::nullopt);
    ASSERT_TRUE(result.choice) << result.error;
    EXPECT_EQ(result.choice->apiName, "alsa");  // JACK has no devices: no server.
    EXPECT_EQ(result.choice->output.name, "hw:Card,0");
    ASSERT_TRUE(result.choice->input);
    EXPECT_EQ(result.choice->input->name, "hw:Mic,0");
    EXPECT_EQ(result.choice->sampleRate, 48000U);  // The mic does not offer 96 kHz.
}

TEST(DeviceChoice, ADeviceByNameDoesBothDirectionsAtItsPreferredRate) {
    const auto result =
        chooseDevices(machine(), std::nullopt, std::string{"hw:Card,0"}, std::nullopt);
    ASSERT_TRUE(result.choice) << result.error;
    EXPECT_EQ(result.choice->output.number, 1U);
    ASSERT_TRUE(result.choice->input);
    EXPECT_EQ(result.choice->input->number, 1U);
    EXPECT_EQ(result.choice->sampleRate, 96000U);
}

TEST(DeviceChoice, AnOutputOnlyDevicePlaysSilenceThroughThePlugin) {
    const auto result =
        chooseDevices(machine(), std::nullopt, std::string{"hw:Speaker,0"}, std::nullopt);
    ASSERT_TRUE(result.choice) << result.error;
    EXPECT_FALSE(result.choice->input);
    EXPECT_EQ(result.choice->sampleRate, 44100U);
}

TEST(DeviceChoice, RefusalsSayWhatIsWrong) {
    EXPECT_EQ(chooseDevices(machine(), std::nullopt, std::string{"hw:Nope"}, std::nullopt).error,
              "no audio device \"hw:Nope\" (see --list-devices)");
    EXPECT_EQ(
        chooseDevices(machine(), std::string{"alsa"}, std::string{"hw:Nope"}, std::nullopt).error,
        "no device \"hw:Nope\" in alsa (see --list-devices)");
    EXPECT_EQ(chooseDevices(machine(), std::nullopt, std::string{"hw:Mic,0"}, std::nullopt).error,
              "\"hw:Mic,0\" has no outputs");
    EXPECT_EQ(chooseDevices(machine(), std::string{"jack"}, std::nullopt, std::nullopt).error,
              "jack has no devices: is a JACK server running?");
    EXPECT_EQ(chooseDevices(machine(), std::nullopt, std::string{"hw:Speaker,0"}, 48000U).error,
              "\"hw:Speaker,0\" does not run at 48000 Hz (it offers 44100)");
    EXPECT_NE(chooseDevices(machine(), std::string{"coreaudio"}, std::nullopt, std::nullopt)
                  .error.find("unknown audio API 'coreaudio'"),
              std::string::npos);
}

TEST(DeviceChoice, JacksRateIsTheServers) {
    auto apis = machine();
    apis[0].devices.push_back(device(0, "system", 2, 2, {48000}, 48000));
    const auto result = chooseDevices(apis, std::nullopt, std::nullopt, 44100U);
    EXPECT_FALSE(result.choice);
    EXPECT_EQ(result.error,
              "\"system\" does not run at 44100 Hz (it offers 48000); the JACK server sets the "
              "rate");
}

}  // namespace
}  // namespace vstkit::formats::standalone
