#include "options.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <utility>

#include "screen_scale.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::standalone {
namespace {

// Beyond these no audio interface runs; a typo is likelier than a need.
constexpr unsigned kMinSampleRate = 8000;
constexpr unsigned kMaxSampleRate = 768000;
constexpr unsigned kMinBufferFrames = 16;
constexpr unsigned kMaxBufferFrames = 8192;
constexpr unsigned kMaxPort = 65535;
// A token guards the plugin's bridge: long enough not to be guessed.
constexpr std::size_t kMinTokenLength = 16;
constexpr std::string_view kTokenCharacters =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

std::optional<unsigned> parseWholeNumber(std::string_view text) {
    unsigned value = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || stop != end) {
        return std::nullopt;
    }
    return value;
}

/// Walks the arguments, splitting "--name=value" so both spellings read alike.
class ArgumentReader final {
  public:
    explicit ArgumentReader(std::span<char* const> arguments) : arguments_(arguments) {}

    [[nodiscard]] bool done() const noexcept { return next_ >= arguments_.size(); }

    /// The next option's name ("--rate"), keeping any "=value" for value().
    std::string_view nextName() {
        std::string_view argument = arguments_[next_++];
        inlineValue_.reset();
        if (argument.starts_with("--")) {
            if (const auto equals = argument.find('='); equals != std::string_view::npos) {
                inlineValue_ = argument.substr(equals + 1);
                argument = argument.substr(0, equals);
            }
        }
        return argument;
    }

    [[nodiscard]] bool hasInlineValue() const noexcept { return inlineValue_.has_value(); }

    /// The option's value: after '=' or the next argument; nullopt if there is none.
    std::optional<std::string_view> value() {
        if (inlineValue_) {
            return std::exchange(inlineValue_, std::nullopt);
        }
        if (done()) {
            return std::nullopt;
        }
        return std::string_view{arguments_[next_++]};
    }

  private:
    std::span<char* const> arguments_;
    std::size_t next_ = 0;
    std::optional<std::string_view> inlineValue_;
};

OptionsResult failure(std::string message) {
    return {std::nullopt, std::move(message)};
}

}  // namespace

OptionsResult parseOptions(std::span<char* const> arguments) {
    Options options;
    ArgumentReader reader{arguments};
    while (!reader.done()) {
        const std::string name{reader.nextName()};
        const bool takesValue = name == "--api" || name == "--device" || name == "--rate" ||
                                name == "--buffer" || name == "--scale" || name == "--set" ||
                                name == "--input" || name == "--ws-port" || name == "--ws-token" ||
                                name == "--ws-origin";
        if (!takesValue) {
            if (reader.hasInlineValue()) {
                return failure(name + " takes no value");
            }
            if (name == "--help" || name == "-h") {
                options.help = true;
            } else if (name == "--list-devices") {
                options.listDevices = true;
            } else if (name == "--no-window") {
                options.window = false;
            } else {
                return failure("unknown option '" + name + "' (try --help)");
            }
            continue;
        }
        const auto value = reader.value();
        if (!value) {
            return failure(name + " needs a value (try --help)");
        }
        if (name == "--api") {
            options.api = std::string{*value};
        } else if (name == "--device") {
            if (value->empty()) {
                return failure("--device needs a device name (see --list-devices)");
            }
            options.device = std::string{*value};
        } else if (name == "--rate") {
            const auto rate = parseWholeNumber(*value);
            if (!rate || *rate < kMinSampleRate || *rate > kMaxSampleRate) {
                return failure("--rate takes a sample rate in Hz from " +
                               std::to_string(kMinSampleRate) + " to " +
                               std::to_string(kMaxSampleRate) + " (got '" + std::string{*value} +
                               "')");
            }
            options.sampleRate = rate;
        } else if (name == "--buffer") {
            const auto frames = parseWholeNumber(*value);
            if (!frames || *frames < kMinBufferFrames || *frames > kMaxBufferFrames) {
                return failure("--buffer takes a block size in frames from " +
                               std::to_string(kMinBufferFrames) + " to " +
                               std::to_string(kMaxBufferFrames) + " (got '" + std::string{*value} +
                               "')");
            }
            options.bufferFrames = frames;
        } else if (name == "--scale") {
            options.scale = parseScale(*value);
            if (!options.scale) {
                return failure("--scale takes a content scale from 0.5 to 4, e.g. 1.5 (got '" +
                               std::string{*value} + "')");
            }
        } else if (name == "--input") {
            if (value->empty()) {
                return failure("--input takes tone, noise or a WAV file");
            }
            options.input = std::string{*value};
        } else if (name == "--ws-port") {
            const auto port = parseWholeNumber(*value);
            if (!port || *port > kMaxPort) {
                return failure("--ws-port takes a TCP port from 0 (any free one) to 65535 (got '" +
                               std::string{*value} + "')");
            }
            options.wsPort = port;
        } else if (name == "--ws-token") {
            if (value->size() < kMinTokenLength ||
                value->find_first_not_of(kTokenCharacters) != std::string_view::npos) {
                return failure("--ws-token takes at least 16 letters, digits, '-' or '_'");
            }
            options.wsToken = std::string{*value};
        } else if (name == "--ws-origin") {
            if (!value->starts_with("http://") && !value->starts_with("https://")) {
                return failure(
                    "--ws-origin takes a page's origin, e.g. http://127.0.0.1:5173 (got '" +
                    std::string{*value} + "')");
            }
            options.wsOrigins.emplace_back(*value);
        } else {
            auto parsed = parseParameterSetting(*value);
            if (!parsed.setting) {
                return failure(std::move(parsed.error));
            }
            options.settings.push_back(*parsed.setting);
        }
    }
    if (!options.wsPort && (!options.wsToken.empty() || !options.wsOrigins.empty())) {
        return failure("--ws-token and --ws-origin go with --ws-port");
    }
    if (options.wsPort && options.window) {
        return failure("--ws-port serves the editor to a browser: add --no-window");
    }
    if (options.input && (options.api || options.device)) {
        return failure("--input plays into a null output: leave out --api and --device");
    }
    return {options, {}};
}

std::string usageText(std::string_view appName) {
    const std::string name{appName};
    std::string text = "Usage: " + name +
                       " [OPTIONS]\n"
                       "Plays your audio input through " +
                       name +
                       " to your audio output, with its editor in a window.\n"
                       "\n"
                       "Options:\n"
                       "  --list-devices     List the audio APIs and their devices, then exit.\n"
                       "  --api NAME         Audio API: jack, alsa or pulse (default: the first\n"
                       "                     of jack, pulse, alsa that has a device).\n"
                       "  --device NAME      Input and output device, by the name --list-devices\n"
                       "                     shows (default: the API's default devices).\n"
                       "  --rate HZ          Sample rate (default: the device's own; JACK's is\n"
                       "                     set by the JACK server).\n"
                       "  --buffer FRAMES    Frames per block, 16 to 8192 (default 64; JACK's is\n"
                       "                     set by the JACK server).\n"
                       "  --set ID=VALUE     Start a parameter at VALUE, e.g. --set gain=-6 or\n"
                       "                     --set bypass=on. May be repeated. Parameters:\n";
    std::size_t idWidth = 0;
    for (const auto& spec : core::pluginDefinition().parameters) {
        idWidth = std::max(idWidth, spec.stableId.size());
    }
    for (const auto& spec : core::pluginDefinition().parameters) {
        std::string id{spec.stableId};
        id.resize(idWidth, ' ');
        text += "                       " + id + "  " + std::string{spec.name} + ", " +
                describeAcceptedValues(spec) + "\n";
    }
    text +=
        "  --scale FACTOR     Size of the editor, 0.5 to 4 (default: the desktop's,\n"
        "                     from Xft.dpi or the screen's size; 1 is 96 dpi).\n"
        "  --no-window        Run without a window until SIGINT (Ctrl-C) or SIGTERM.\n"
        "  --input SIGNAL     Play SIGNAL into a null output instead of a device, for\n"
        "                     a machine without a sound card: tone (440 Hz,\n"
        "                     -12 dBFS), noise, or a WAV file (looped, at its rate).\n"
        "  --ws-port PORT     Serve the editor bridge over WebSocket on 127.0.0.1:PORT\n"
        "                     (0: any free port) for a page in a browser; with\n"
        "                     --no-window. ./vstkit dev starts it this way.\n"
        "  --ws-token TOKEN   The token a client must give (?token=); default: a new\n"
        "                     one each run, printed with the address.\n"
        "  --ws-origin URL    A page origin that may connect, e.g.\n"
        "                     http://127.0.0.1:5173; may be repeated. Programs that\n"
        "                     send no Origin need only the token.\n"
        "  -h, --help         Show this help.\n"
        "\n"
        "Parameter values are remembered between runs in\n"
        "$XDG_CONFIG_HOME/vstkit/" +
        name +
        ".state (default ~/.config/vstkit/); --set overrides them.\n"
        "Exit codes: 0 done, 1 the audio device failed, 2 a bad option or device.\n";
    return text;
}

}  // namespace vstkit::formats::standalone
