#include <algorithm>
#include <cmath>

#include "clap/clap_buffers.h"
#include "clap/clap_event_lists.h"
#include "clap/clap_instance.h"
#include "clap/clap_module.h"
#include "render_job.h"
#include "vst3/host_error.h"

namespace vstkit::host {

namespace {

clap_abi::ParamInfo requireParameter(const ClapInstance& instance, const std::string& name) {
    const auto info = instance.findParameter(name);
    if (!info) {
        throw HostError("the plugin has no parameter named '" + name + "'");
    }
    return *info;
}

bool isStepped(const clap_abi::ParamInfo& info) {
    return (info.flags & (clap_abi::kParamIsStepped | clap_abi::kParamIsEnum)) != 0;
}

/// The plain value of a text, in the parameter's own unit.
double requireValue(const ClapInstance& instance, const clap_abi::ParamInfo& info,
                    const std::string& name, const std::string& rawText) {
    const std::string text{trimmed(rawText)};
    // A stepped parameter may take a label ("Low-pass"); a continuous one
    // needs a number.
    if (!isStepped(info) && !looksLikeAValue(text)) {
        throw HostError("'" + rawText + "' is not a value for " + name +
                        " (write a number, e.g. -6 or -6 dB)");
    }
    const auto value = instance.textToValue(info.id, text);
    if (!value) {
        throw HostError("the plugin does not accept '" + text + "' as a value for " + name);
    }
    return *value;
}

}  // namespace

AudioClip renderClap(const std::string& path, const RenderJob& job) {
    if (job.sampleBits != 32) {
        throw HostError("--sample-size 64: vstkit-host renders CLAP plugins with 32-bit buffers");
    }
    const AudioClip& clip = job.input;
    const ClapModule module{path};
    ClapInstance instance{module};
    if (instance.ports().mainInputChannels() == 0 || instance.ports().mainOutputChannels() == 0) {
        throw HostError("the plugin has no main audio input and output to render through");
    }
    if (job.statePath && !instance.loadState(readStateFile(*job.statePath))) {
        // As a DAW restores a session: state first, then activation.
        throw HostError("the plugin rejected the state in " + job.statePath->string());
    }
    if (const auto* render = instance.extensions().render) {
        (void)render->set(&instance.plugin(), clap_abi::kRenderOffline);
    }

    // The values before playback go in through a flush, so the plugin starts
    // at them rather than gliding there.
    std::vector<std::pair<clap_abi::Id, double>> initialValues;
    for (const auto& [name, text] : job.settings) {
        const auto info = requireParameter(instance, name);
        initialValues.emplace_back(info.id, requireValue(instance, info, name, text));
    }
    std::vector<AutomationLane> lanes;
    std::vector<bool> laneIsStepped;
    std::size_t pointCount = 0;
    for (const auto& text : job.automation) {
        const auto info = requireParameter(instance, text.parameter);
        lanes.push_back(makeLane(info.id, text, clip.sampleRate, [&](const std::string& value) {
            return requireValue(instance, info, text.parameter, value);
        }));
        laneIsStepped.push_back(isStepped(info));
        pointCount += lanes.back().points.size() + 1;
        initialValues.emplace_back(lanes.back().id, lanes.back().valueAt(0));
    }
    if (!initialValues.empty() && !instance.setValues(initialValues)) {
        throw HostError("the plugin has no params extension to set values through");
    }
    const auto block = static_cast<std::uint32_t>(job.blockFrames);
    instance.start(static_cast<double>(clip.sampleRate), block);

    // Each of the plugin's main input channels reads a channel of the file
    // (a mono file feeds both of a stereo input); the output keeps the
    // plugin's main output channels.
    const std::size_t inputCount = instance.ports().mainInputChannels();
    const std::size_t outputCount = instance.ports().mainOutputChannels();
    ClapBuffers buffers{inputCount, outputCount, block};
    auto& [inputs, outputs, inputPointers, outputPointers] = buffers;
    InputEventList events{pointCount};
    AudioClip rendered{clip.sampleRate, std::vector<std::vector<float>>(outputCount)};
    for (std::size_t start = 0; start < clip.frames(); start += block) {
        const std::size_t frames = std::min<std::size_t>(block, clip.frames() - start);
        events.clear();
        for (std::size_t l = 0; l < lanes.size(); ++l) {
            const auto& lane = lanes[l];
            const auto value = [&](double v) { return laneIsStepped[l] ? std::round(v) : v; };
            for (const auto& point : lane.points) {
                if (point.frame >= start && point.frame < start + frames) {
                    events.addParamValue(lane.id, static_cast<std::uint32_t>(point.frame - start),
                                         value(point.value), instance.cookieOf(lane.id));
                }
            }
            // Where the lane ramps through the block, say where it ends up.
            events.addParamValue(lane.id, static_cast<std::uint32_t>(frames - 1),
                                 value(lane.valueAt(start + frames - 1)),
                                 instance.cookieOf(lane.id));
        }
        for (std::size_t c = 0; c < inputCount; ++c) {
            const auto& source = clip.channels[std::min(c, clip.channels.size() - 1)];
            std::copy_n(source.begin() + static_cast<long>(start), frames, inputs[c].begin());
        }
        instance.outputEvents().clear();
        if (instance.process(inputPointers, outputPointers, static_cast<std::uint32_t>(frames),
                             events) == clap_abi::kProcessError) {
            throw HostError("the plugin's process() failed at frame " + std::to_string(start));
        }
        for (std::size_t c = 0; c < outputCount; ++c) {
            rendered.channels[c].insert(rendered.channels[c].end(), outputs[c].begin(),
                                        outputs[c].begin() + static_cast<long>(frames));
        }
    }
    instance.deactivate();
    if (job.saveStatePath) {
        const auto state = instance.saveState();
        if (!state) {
            throw HostError("the plugin did not save its state");
        }
        writeStateFile(*job.saveStatePath, *state);
    }
    return rendered;
}

}  // namespace vstkit::host
