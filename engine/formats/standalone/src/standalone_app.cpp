#include "vstkit/formats/standalone/standalone_app.h"

#include <cstdlib>
#include <memory>
#include <string>

#include "alsa_messages.h"
#include "app_window.h"
#include "audio_devices.h"
#include "audio_path.h"
#include "audio_stream.h"
#include "bridge_loop.h"
#include "clocked_output.h"
#include "console.h"
#include "device_choice.h"
#include "editor_parameters.h"
#include "main_loop.h"
#include "options.h"
#include "remembered_values.h"
#include "screen_scale.h"
#include "termination_signals.h"
#include "vstkit/bridge_server/handshake_rules.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"
#include "vstkit/ui/editor.h"

namespace vstkit::formats::standalone {
namespace {

constexpr int kDone = 0;
constexpr int kAudioFailed = 1;
constexpr int kBadRequest = 2;

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string describeInput(const DeviceChoice& devices, unsigned channels) {
    if (!devices.input || channels == 0) {
        return "in none (the plugin hears silence)";
    }
    return "in " + quoted(devices.input->name) +
           (channels == 1 ? " (mono, fed to both sides)" : " (2 ch)");
}

std::string describeOutput(const DeviceChoice& devices, unsigned channels) {
    return "out " + quoted(devices.output.name) +
           (channels == 1 ? " (mono, both sides mixed)" : " (2 ch)");
}

std::string describeValues(const protocol::ParamValues& values) {
    std::string text;
    for (std::size_t index = 0; index < values.size(); ++index) {
        const auto& spec = core::pluginDefinition().parameters[index];
        text += (text.empty() ? "" : ", ") + std::string{spec.name} + " " +
                protocol::formatValue(spec, values[index]);
    }
    return text;
}

/// The start line: what plays where, and the values the plugin starts at.
std::string describeSession(const DeviceChoice& devices, const AudioStream& stream,
                            std::optional<unsigned> askedBufferFrames,
                            const protocol::ParamValues& values) {
    std::string text = devices.apiName + ", " + describeInput(devices, stream.inputChannels()) +
                       ", " + describeOutput(devices, stream.outputChannels()) + ", " +
                       std::to_string(stream.sampleRate()) + " Hz, " +
                       std::to_string(stream.bufferFrames()) + " frames";
    if (askedBufferFrames && stream.bufferFrames() != *askedBufferFrames) {
        text += " (asked " + std::to_string(*askedBufferFrames) +
                (devices.api == RtAudio::UNIX_JACK ? "; the JACK server sets it)" : ")");
    }
    return text + "; " + describeValues(values);
}

constexpr unsigned kNullOutputRate = 48000;

/// The start line for a null output: what plays, and the values.
std::string describeNullSession(const ClockedOutput& output, const protocol::ParamValues& values) {
    return "no device: " + output.signal().describe() + " into a null output, " +
           std::to_string(output.sampleRate()) + " Hz, " + std::to_string(output.bufferFrames()) +
           " frames" + (output.realtime() ? "" : " (no real-time priority: xruns are likelier)") +
           "; " + describeValues(values);
}

/// The remembered values with the command line's --set on top.
protocol::ParamValues startingValues(const Options& options,
                                     const std::optional<std::filesystem::path>& rememberedFile,
                                     const Console& console) {
    protocol::ParamValues values = protocol::defaultValues(core::pluginDefinition().parameters);
    if (rememberedFile) {
        auto remembered = loadRememberedValues(*rememberedFile);
        if (!remembered.warning.empty()) {
            console.warn(remembered.warning);
        }
        values = remembered.values;
    }
    for (const ParameterSetting& setting : options.settings) {
        values[setting.index] =
            protocol::clampPlain(core::pluginDefinition().parameters[setting.index], setting.plain);
    }
    return values;
}

}  // namespace

int runStandaloneApp(const AppIdentity& identity, std::span<char* const> arguments) {
    const Console console{identity.name};
    const auto parsed = parseOptions(arguments.empty() ? arguments : arguments.subspan(1));
    if (!parsed.options) {
        console.warn(parsed.error);
        return kBadRequest;
    }
    const Options& options = *parsed.options;
    if (options.help) {
        console.print(usageText(identity.name));
        return kDone;
    }

    // Before RtAudio or JACK start any thread, so every thread inherits the mask.
    TerminationSignals signals;
    std::optional<InputSignal> input;
    std::optional<DeviceChoice> devices;
    if (options.input) {
        auto parsedInput = InputSignal::parse(*options.input);
        if (!parsedInput.signal) {
            console.warn(parsedInput.error);
            return kBadRequest;
        }
        const auto fileRate = parsedInput.signal->fileRate();
        if (fileRate && options.sampleRate && *fileRate != *options.sampleRate) {
            console.warn("--rate " + std::to_string(*options.sampleRate) + ": " + *options.input +
                         " plays at its own rate, " + std::to_string(*fileRate) + " Hz");
            return kBadRequest;
        }
        input = std::move(parsedInput.signal);
    } else {
        silenceAlsaMessages();
        const std::vector<AudioApi> apis = probeAudioApis();
        if (options.listDevices) {
            console.print(describeAudioApis(apis));
            return kDone;
        }
        auto chosen = chooseDevices(apis, options.api, options.device, options.sampleRate);
        if (!chosen.choice) {
            console.warn(chosen.error + (options.api || options.device
                                             ? ""
                                             : "; without a sound card, play a test signal "
                                               "with --input tone"));
            return kBadRequest;
        }
        devices = std::move(chosen.choice);
    }

    const auto rememberedFile =
        rememberedValuesPath(identity.name, std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    if (!rememberedFile) {
        console.warn("no home folder: the values will not be remembered");
    }
    const protocol::ParamValues values = startingValues(options, rememberedFile, console);

    // The core holds a block's worth of events: keep it off the stack.
    auto audio = std::make_unique<AudioPath>();
    EditorParameters parameters{audio->edits(), values, &audio->shared().meters};

    // The window comes before the audio, so a missing display costs no device.
    // Declared in this order so the editor (its child) always goes first.
    std::unique_ptr<AppWindow> window;
    std::unique_ptr<ui::Editor> editor;
    if (options.window) {
        editor = std::make_unique<ui::Editor>(core::pluginDefinition().parameters, parameters,
                                              identity.name, core::pluginDefinition().webUi);
        std::string error;
        window = AppWindow::connect(error);
        if (!window) {
            console.warn(error + "; run with --no-window to play without a window");
            return kBadRequest;
        }
        // Before the window is shown, so it opens at the editor's scaled size.
        editor->setContentScale(options.scale ? *options.scale : window->screenScale());
        window->show(identity.name, {editor->width(), editor->height()},
                     {editor->minimumWidth(), editor->minimumHeight()});
        if (!editor->open(window->nativeWindow())) {
            console.warn("cannot show the editor: " + editor->error() +
                         "; run with --no-window to play without a window");
            return kBadRequest;
        }
    }

    std::string error;
    std::unique_ptr<AudioDriver> driver;
    const unsigned bufferFrames = options.bufferFrames.value_or(kDefaultBufferFrames);
    if (input) {
        const unsigned rate =
            input->fileRate().value_or(options.sampleRate.value_or(kNullOutputRate));
        auto output =
            std::make_unique<ClockedOutput>(*audio, std::move(*input), rate, bufferFrames, values);
        if (!output->start(error)) {
            console.warn(error);
            return kAudioFailed;
        }
        console.say(describeNullSession(*output, values));
        driver = std::move(output);
    } else {
        auto stream = AudioStream::open({.devices = *devices,
                                         .bufferFrames = bufferFrames,
                                         .clientName = std::string{identity.name}},
                                        *audio, values, error);
        if (!stream || !stream->start(error)) {
            console.warn("cannot start the audio device: " + error);
            return kAudioFailed;
        }
        console.say(describeSession(*devices, *stream, options.bufferFrames, values));
        driver = std::move(stream);
    }

    StopReason reason = StopReason::Signal;
    if (options.wsPort) {
        const auto stopped = runBridgeLoop(
            {.signals = signals,
             .parameters = parameters,
             .audio = *audio,
             .driver = *driver,
             .console = console,
             .port = *options.wsPort,
             .token = options.wsToken.empty() ? bridge_server::makeToken() : options.wsToken,
             .origins = options.wsOrigins,
             .rememberedFile = rememberedFile},
            error);
        if (!stopped) {
            driver->stop();
            console.warn(error);
            return kBadRequest;
        }
        reason = *stopped;
    } else {
        reason = runMainLoop({.signals = signals,
                              .window = window.get(),
                              .editor = editor.get(),
                              .parameters = parameters,
                              .audio = *audio,
                              .stream = *driver,
                              .console = console});
    }
    driver->stop();
    if (reason == StopReason::AudioFailed) {
        console.warn("the audio stopped: " + driver->failure().value_or("unknown reason"));
    }
    if (editor) {
        editor->close();
    }
    window.reset();

    if (rememberedFile) {
        if (const auto failure = saveRememberedValues(*rememberedFile, parameters.values());
            !failure.empty()) {
            console.warn("the values were not remembered: " + failure);
        }
    }
    console.print("xruns: " + std::to_string(audio->xruns()) + "\n");
    return reason == StopReason::AudioFailed ? kAudioFailed : kDone;
}

}  // namespace vstkit::formats::standalone
