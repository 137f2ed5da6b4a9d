#include <cctype>
#include <cstdio>
#include <fstream>
#include <string_view>

#include "arguments.h"
#include "audio/wav_file.h"
#if !defined(_WIN32)
#include "clap/clap_module.h"
#endif
#include "commands.h"
#include "platform/utf8_path.h"
#include "render_job.h"
#include "vst3/host_error.h"

namespace vstkit::host {

namespace {

std::pair<std::string, std::string> splitAssignment(const std::string& option,
                                                    const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        throw HostError("--" + option + " wants NAME=VALUE, not '" + text + "'");
    }
    return {text.substr(0, equals), text.substr(equals + 1)};
}

/// An --automation NAME=POINTS.csv file: "seconds,value" lines; blank lines,
/// '#' comments and a header line are skipped.
AutomationText readAutomation(const std::string& assignment) {
    auto [name, path] = splitAssignment("automation", assignment);
    std::ifstream file{pathFromUtf8(path)};
    if (!file) {
        throw HostError("cannot read automation file " + path);
    }
    AutomationText lane{std::move(name), path, {}};
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
        lane.points.emplace_back(seconds, line.substr(comma + 1));
    }
    if (lane.points.empty()) {
        throw HostError("automation file " + path + " has no points");
    }
    return lane;
}

}  // namespace

int runRender(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments,
                           {},
                           {"in", "out", "block", "rate", "state", "save-state", "sample-size"},
                           {"set", "automation"}};
    const std::string bundle = parsed.onlyPositional("bundle");
    const auto inPath = parsed.value("in");
    const auto outPath = parsed.value("out");
    if (!inPath || !outPath) {
        throw HostError("render needs --in IN.wav and --out OUT.wav");
    }
    RenderJob job;
    // 64-bit renders as hosts with a double-precision engine do: the plugin
    // gets double buffers (the file stays 32-bit float).
    job.sampleBits = parsed.value("sample-size")
                         ? Arguments::parseInt("sample-size", *parsed.value("sample-size"), 32, 64)
                         : 32;
    if (job.sampleBits != 32 && job.sampleBits != 64) {
        throw HostError("--sample-size is 32 or 64, not " + std::to_string(job.sampleBits));
    }
    job.blockFrames = parsed.value("block")
                          ? Arguments::parseInt("block", *parsed.value("block"), 1, 65536)
                          : 512;

    job.input = readAudioFile(pathFromUtf8(*inPath));
    const AudioClip& clip = job.input;
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
    if (const auto statePath = parsed.value("state")) {
        job.statePath = pathFromUtf8(*statePath);
    }
    if (const auto savePath = parsed.value("save-state")) {
        job.saveStatePath = pathFromUtf8(*savePath);
    }
    for (const auto& assignment : parsed.values("set")) {
        job.settings.push_back(splitAssignment("set", assignment));
    }
    for (const auto& assignment : parsed.values("automation")) {
        job.automation.push_back(readAutomation(assignment));
    }

#if defined(_WIN32)
    // The Windows build loads VST3 modules only.
    const AudioClip rendered = renderVst3(bundle, job);
#else
    const AudioClip rendered =
        isClapPath(bundle) ? renderClap(bundle, job) : renderVst3(bundle, job);
#endif
    writeWavFile(pathFromUtf8(*outPath), rendered);
    std::printf("rendered %zu frames (%d ch, %d Hz, %d-bit blocks of %d): %s -> %s\n",
                clip.frames(), static_cast<int>(clip.channels.size()), clip.sampleRate,
                job.sampleBits, job.blockFrames, inPath->c_str(), outPath->c_str());
    return 0;
}

}  // namespace vstkit::host
