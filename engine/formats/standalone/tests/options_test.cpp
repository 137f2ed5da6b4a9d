#include "options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vstkit::formats::standalone {
namespace {

OptionsResult parse(std::vector<std::string> words) {
    std::vector<char*> arguments;
    for (auto& word : words) {
        arguments.push_back(word.data());
    }
    return parseOptions(arguments);
}

TEST(Options, DefaultsAreAWindowAndNothingChosen) {
    const auto result = parse({});
    ASSERT_TRUE(result.options);
    EXPECT_TRUE(result.options->window);
    EXPECT_FALSE(result.options->bufferFrames);  // kDefaultBufferFrames, 64.
    EXPECT_FALSE(result.options->sampleRate);
    EXPECT_FALSE(result.options->device);
    EXPECT_FALSE(result.options->api);
    EXPECT_FALSE(result.options->scale);  // The screen's.
}

TEST(Options, ReadsEveryOptionInBothSpellings) {
    const auto result =
        parse({"--api", "jack", "--device=system", "--rate", "48000", "--buffer=128", "--set",
               "gain=-6", "--set=bypass=on", "--no-window", "--set", "gain=3", "--scale", "1.5"});
    ASSERT_TRUE(result.options) << result.error;
    const Options& options = *result.options;
    EXPECT_EQ(options.api, "jack");
    EXPECT_EQ(options.device, "system");
    EXPECT_EQ(options.sampleRate, 48000U);
    EXPECT_EQ(options.bufferFrames, 128U);
    EXPECT_EQ(options.scale, 1.5F);
    EXPECT_FALSE(options.window);
    ASSERT_EQ(options.settings.size(), 3U);
    EXPECT_FLOAT_EQ(options.settings[0].plain, -6.0F);
    EXPECT_FLOAT_EQ(options.settings[1].plain, 1.0F);
    EXPECT_FLOAT_EQ(options.settings[2].plain, 3.0F);
}

TEST(Options, HelpAndListDevicesAreFlags) {
    EXPECT_TRUE(parse({"--help"}).options->help);
    EXPECT_TRUE(parse({"-h"}).options->help);
    EXPECT_TRUE(parse({"--list-devices"}).options->listDevices);
}

TEST(Options, RefusalsSayWhatIsWrong) {
    EXPECT_EQ(parse({"--loud"}).error, "unknown option '--loud' (try --help)");
    EXPECT_EQ(parse({"gain=-6"}).error, "unknown option 'gain=-6' (try --help)");
    EXPECT_EQ(parse({"--rate"}).error, "--rate needs a value (try --help)");
    EXPECT_EQ(parse({"--no-window=yes"}).error, "--no-window takes no value");
    EXPECT_EQ(parse({"--rate", "48k"}).error,
              "--rate takes a sample rate in Hz from 8000 to 768000 (got '48k')");
    EXPECT_EQ(parse({"--buffer", "0"}).error,
              "--buffer takes a block size in frames from 16 to 8192 (got '0')");
    EXPECT_EQ(parse({"--buffer", "-64"}).error,
              "--buffer takes a block size in frames from 16 to 8192 (got '-64')");
    EXPECT_EQ(parse({"--device", ""}).error, "--device needs a device name (see --list-devices)");
    EXPECT_EQ(parse({"--set", "volume=1"}).error,
              "no parameter 'volume' (the parameters are gain, bypass)");
}

TEST(Options, TheDevModeTakesAnInputAndABridge) {
    const auto result = parse({"--no-window", "--input", "tone", "--ws-port=0", "--ws-token",
                               "0123456789abcdef", "--ws-origin", "http://127.0.0.1:5173"});
    ASSERT_TRUE(result.options) << result.error;
    EXPECT_EQ(result.options->input, "tone");
    EXPECT_EQ(result.options->wsPort, 0U);
    EXPECT_EQ(result.options->wsToken, "0123456789abcdef");
    ASSERT_EQ(result.options->wsOrigins.size(), 1U);
    EXPECT_EQ(result.options->wsOrigins[0], "http://127.0.0.1:5173");
}

TEST(Options, TheDevModeRefusesWhatCannotWork) {
    EXPECT_EQ(parse({"--ws-port", "9300"}).error,
              "--ws-port serves the editor to a browser: add --no-window");
    EXPECT_EQ(parse({"--no-window", "--ws-port", "65536"}).error,
              "--ws-port takes a TCP port from 0 (any free one) to 65535 (got '65536')");
    EXPECT_EQ(parse({"--no-window", "--ws-port", "1", "--ws-token", "short"}).error,
              "--ws-token takes at least 16 letters, digits, '-' or '_'");
    EXPECT_EQ(parse({"--no-window", "--ws-port", "1", "--ws-token", "0123456789abcdef!"}).error,
              "--ws-token takes at least 16 letters, digits, '-' or '_'");
    EXPECT_EQ(parse({"--no-window", "--ws-token", "0123456789abcdef"}).error,
              "--ws-token and --ws-origin go with --ws-port");
    EXPECT_EQ(parse({"--no-window", "--ws-port", "1", "--ws-origin", "evil.example"}).error,
              "--ws-origin takes a page's origin, e.g. http://127.0.0.1:5173 (got 'evil.example')");
    EXPECT_EQ(parse({"--input", ""}).error, "--input takes tone, noise or a WAV file");
    EXPECT_EQ(parse({"--input", "tone", "--api", "jack"}).error,
              "--input plays into a null output: leave out --api and --device");
}

TEST(Options, ScaleTakesHalfToFourTimes) {
    EXPECT_EQ(parse({"--scale=2"}).options->scale, 2.0F);
    EXPECT_EQ(parse({"--scale", "0.5"}).options->scale, 0.5F);
    EXPECT_EQ(parse({"--scale", "4"}).options->scale, 4.0F);
    EXPECT_EQ(parse({"--scale", "1.25"}).options->scale, 1.25F);
    for (const char* bad : {"0.4", "4.5", "0", "-1", "2x", "1,5", "nan", "inf", "", " 2", "1e0"}) {
        EXPECT_EQ(parse({"--scale", bad}).error,
                  std::string{"--scale takes a content scale from 0.5 to 4, e.g. 1.5 (got '"} +
                      bad + "')");
    }
    EXPECT_EQ(parse({"--scale"}).error, "--scale needs a value (try --help)");
}

TEST(Options, HelpNamesEveryOptionAndParameter) {
    const std::string help = usageText("TestApp");
    for (const char* word :
         {"--list-devices", "--api", "--device", "--rate", "--buffer", "--set", "--scale",
          "--no-window", "--help", "gain", "bypass", "TestApp.state"}) {
        EXPECT_NE(help.find(word), std::string::npos) << word;
    }
}

}  // namespace
}  // namespace vstkit::formats::standalone
