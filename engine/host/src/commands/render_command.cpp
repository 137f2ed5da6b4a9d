#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>

#include "arguments.h"
#include "audio/wav_file.h"
#include "commands.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

struct AutomationPoint {
    std::size_t frame;
    double normalized;
};

struct AutomationLane {
    Vst::ParamID id;
    std::vector<AutomationPoint> points;

    /// The lane's value at a frame: linear between points, held outside them.
    [[nodiscard]] double valueAt(std::size_t frame) const {
        if (frame <= points.front().frame) {
            return points.front().normalized;
        }
        for (std::size_t i = 1; i < points.size(); ++i) {
            if (frame <= points[i].frame) {
                const auto& a = points[i - 1];
                const auto& b = points[i];
                const double t =
                    static_cast<double>(frame - a.frame) / static_cast<double>(b.frame - a.frame);
                return a.normalized + t * (b.normalized - a.normalized);
            }
        }
        return points.back().normalized;
    }
};

std::pair<std::string, std::string> splitAssignment(const std::string& option,
                                                    const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        throw HostError("--" + option + " wants NAME=VALUE, not '" + text + "'");
    }
    return {text.substr(0, equals), text.substr(equals + 1)};
}

Vst::ParameterInfo requireParameter(const PluginInstance& instance, const std::string& name) {
    const auto info = instance.findParameter(name);
    if (!info) {
        throw HostError("the plugin has no parameter named '" + name + "'");
    }
    return *info;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{}
                                           : text.substr(first, last - first + 1);
}

/// A number, optionally followed by a unit ("-6", "+3 dB"). Plugins answer
/// any text with some value (JUCE keeps the current one for garbage), so the
/// host checks that there is a number to convert before asking.
bool looksLikeAValue(std::string_view text) {
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double number = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc{} || !std::isfinite(number)) {
        return false;
    }
    return std::all_of(end, text.data() + text.size(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '%';
    });
}

double requireValue(const PluginInstance& instance, const Vst::ParameterInfo& info,
                    const std::string& name, const std::string& rawText) {
    const std::string text{trimmed(rawText)};
    // A list or stepped parameter may take a label ("Low-pass"); a continuous
    // one needs a number.
    if (info.stepCount == 0 && !looksLikeAValue(text)) {
        throw HostError("'" + rawText + "' is not a value for " + name +
                        " (write a number, e.g. -6 or -6 dB)");
    }
    const auto normalized = instance.normalizedFromText(info.id, text);
    if (!normalized) {
        throw HostError("the plugin does not accept '" + text + "' as a value for " + name);
    }
    return *normalized;
}

AutomationLane readLane(const PluginInstance& instance, const std::string& assignment,
                        int sampleRate) {
    const auto [name, path] = splitAssignment("automation", assignment);
    const auto info = requireParameter(instance, name);
    std::ifstream file{path};
    if (!file) {
        throw HostError("cannot read automation file " + path);
    }
    AutomationLane lane{info.id, {}};
    std::string line;
    int lineNumber = 0;
    while (std::getline(file, line)) {
        ++lineNumber;
        line = std::string{trimmed(line)};
        if (line.empty() || line[0] == '#' || std::isalpha(static_cast<unsigned char>(line[0]))) {
            continue;  // Blank, comment or header.
        }
        const auto comma = line.find(',');
        if (comma == std::string::npos) {
            throw HostError(path + ":" + std::to_string(lineNumber) + ": expected 'seconds,value'");
        }
        const double seconds =
            Arguments::parseDouble("automation", line.substr(0, comma), 0.0, 86400.0);
        const double value = requireValue(instance, info, name, line.substr(comma + 1));
        lane.points.push_back({static_cast<std::size_t>(seconds * sampleRate + 0.5), value});
    }
    if (lane.points.empty()) {
        throw HostError("automation file " + path + " has no points");
    }
    std::stable_sort(lane.points.begin(), lane.points.end(),
                     [](const auto& a, const auto& b) { return a.frame < b.frame; });
    return lane;
}

}  // namespace

int runRender(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments,
                           {},
                           {"in", "out", "block", "rate", "state", "sample-size"},
                           {"set", "automation"}};
    const std::string bundle = parsed.onlyPositional("bundle");
    const auto inPath = parsed.value("in");
    const auto outPath = parsed.value("out");
    if (!inPath || !outPath) {
        throw HostError("render needs --in IN.wav and --out OUT.wav");
    }
    // 64-bit renders as hosts with a double-precision engine do: the plugin
    // gets double buffers (the file stays 32-bit float).
    const int sampleBits =
        parsed.value("sample-size")
            ? Arguments::parseInt("sample-size", *parsed.value("sample-size"), 32, 64)
            : 32;
    if (sampleBits != 32 && sampleBits != 64) {
        throw HostError("--sample-size is 32 or 64, not " + std::to_string(sampleBits));
    }
    const int blockFrames = parsed.value("block")
                                ? Arguments::parseInt("block", *parsed.value("block"), 1, 65536)
                                : 512;

    AudioClip clip = readAudioFile(*inPath);
    if (clip.channels.empty() || clip.channels.size() > 2) {
        throw HostError(*inPath + " has " + std::to_string(clip.channels.size()) +
                        " channels; VstKit renders mono or stereo");
    }
    if (clip.sampleRate < 8000 || clip.sampleRate > 384000) {
        throw HostError(*inPath + " says its rate is " + std::to_string(clip.sampleRate) +
                        " Hz; vstkit-host renders 8000 to 384000 Hz");
    }
    if (const auto rate = parsed.value("rate")) {
        const int wanted = Arguments::parseInt("rate", *rate, 8000, 384000);
        if (wanted != clip.sampleRate) {
            throw HostError(*inPath + " is " + std::to_string(clip.sampleRate) +
                            " Hz but --rate is " + *rate + " (vstkit-host does not resample)");
        }
    }

    const Module module{bundle};
    auto host = owned(new HostApplication);
    PluginInstance instance{module, module.firstClassOf(kVstAudioEffectClass), *host};
    if (const auto statePath = parsed.value("state")) {
        // As a DAW restores a session: state first, then activation.
        std::ifstream stateFile{*statePath, std::ios::binary};
        if (!stateFile) {
            throw HostError("cannot read state file " + *statePath);
        }
        const std::vector<std::uint8_t> state{std::istreambuf_iterator<char>{stateFile},
                                              std::istreambuf_iterator<char>{}};
        if (instance.loadComponentState(state) != kResultOk) {
            throw HostError("the plugin rejected the state in " + *statePath);
        }
    }
    const auto channelCount = static_cast<int32>(clip.channels.size());
    if (sampleBits == 64 &&
        instance.audioProcessor().canProcessSampleSize(Vst::kSample64) != kResultTrue) {
        throw HostError("the plugin cannot process 64-bit samples");
    }
    instance.start({static_cast<double>(clip.sampleRate), blockFrames, channelCount, Vst::kOffline,
                    sampleBits == 64 ? Vst::kSample64 : Vst::kSample32});

    std::vector<std::pair<Vst::ParamID, double>> initialValues;
    for (const auto& assignment : parsed.values("set")) {
        const auto [name, text] = splitAssignment("set", assignment);
        const auto info = requireParameter(instance, name);
        initialValues.emplace_back(info.id, requireValue(instance, info, name, text));
    }
    std::vector<AutomationLane> lanes;
    for (const auto& assignment : parsed.values("automation")) {
        lanes.push_back(readLane(instance, assignment, clip.sampleRate));
        initialValues.emplace_back(lanes.back().id, lanes.back().valueAt(0));
    }
    instance.setBeforePlayback(initialValues);

    const auto block = static_cast<std::size_t>(blockFrames);
    std::vector<std::vector<float>> inputs(clip.channels.size(), std::vector<float>(block));
    std::vector<std::vector<float>> outputs(clip.channels.size(), std::vector<float>(block));
    std::vector<float*> inputPointers;
    std::vector<float*> outputPointers;
    for (std::size_t c = 0; c < clip.channels.size(); ++c) {
        inputPointers.push_back(inputs[c].data());
        outputPointers.push_back(outputs[c].data());
    }
    std::vector<std::vector<double>> inputs64;
    std::vector<std::vector<double>> outputs64;
    std::vector<double*> inputPointers64;
    std::vector<double*> outputPointers64;
    if (sampleBits == 64) {
        inputs64.assign(clip.channels.size(), std::vector<double>(block));
        outputs64.assign(clip.channels.size(), std::vector<double>(block));
        for (std::size_t c = 0; c < clip.channels.size(); ++c) {
            inputPointers64.push_back(inputs64[c].data());
            outputPointers64.push_back(outputs64[c].data());
        }
    }
    auto changes = owned(new ParameterChanges);
    AudioClip rendered{clip.sampleRate, std::vector<std::vector<float>>(clip.channels.size())};
    for (std::size_t start = 0; start < clip.frames(); start += block) {
        const std::size_t frames = std::min(block, clip.frames() - start);
        changes->clear();
        for (const auto& lane : lanes) {
            for (const auto& point : lane.points) {
                if (point.frame >= start && point.frame < start + frames) {
                    changes->add(lane.id, static_cast<int32>(point.frame - start),
                                 point.normalized);
                }
            }
            // Where the lane ramps through the block, say where it ends up.
            if (!changes->add(lane.id, static_cast<int32>(frames - 1),
                              lane.valueAt(start + frames - 1))) {
                throw HostError("more automation points in one block than vstkit-host can queue (" +
                                std::to_string(ParameterValueQueue::kMaxPoints) +
                                "); use a smaller --block");
            }
        }
        for (std::size_t c = 0; c < clip.channels.size(); ++c) {
            std::copy_n(clip.channels[c].begin() + static_cast<long>(start), frames,
                        inputs[c].begin());
        }
        tresult result = kResultOk;
        if (sampleBits == 64) {
            for (std::size_t c = 0; c < clip.channels.size(); ++c) {
                std::copy_n(inputs[c].begin(), frames, inputs64[c].begin());
            }
            result = instance.process64(inputPointers64, outputPointers64,
                                        static_cast<int32>(frames), changes);
            for (std::size_t c = 0; c < clip.channels.size(); ++c) {
                std::transform(outputs64[c].begin(),
                               outputs64[c].begin() + static_cast<long>(frames), outputs[c].begin(),
                               [](double x) { return static_cast<float>(x); });
            }
        } else {
            result = instance.process(inputPointers, outputPointers, static_cast<int32>(frames),
                                      changes);
        }
        if (result != kResultOk) {
            throw HostError("the plugin's process() failed at frame " + std::to_string(start));
        }
        for (std::size_t c = 0; c < clip.channels.size(); ++c) {
            rendered.channels[c].insert(rendered.channels[c].end(), outputs[c].begin(),
                                        outputs[c].begin() + static_cast<long>(frames));
        }
    }
    writeWavFile(*outPath, rendered);
    std::printf("rendered %zu frames (%d ch, %d Hz, %d-bit blocks of %d): %s -> %s\n",
                clip.frames(), static_cast<int>(clip.channels.size()), clip.sampleRate, sampleBits,
                blockFrames, inPath->c_str(), outPath->c_str());
    return 0;
}

}  // namespace vstkit::host
