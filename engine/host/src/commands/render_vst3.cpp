#include <algorithm>

#include "platform/utf8_path.h"
#include "render_job.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

Vst::ParameterInfo requireParameter(const PluginInstance& instance, const std::string& name) {
    const auto info = instance.findParameter(name);
    if (!info) {
        throw HostError("the plugin has no parameter named '" + name + "'");
    }
    return *info;
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

}  // namespace

AudioClip renderVst3(const std::string& bundle, const RenderJob& job) {
    const AudioClip& clip = job.input;
    const int blockFrames = job.blockFrames;
    const int sampleBits = job.sampleBits;
    const Module module{pathFromUtf8(bundle)};
    auto host = owned(new HostApplication);
    PluginInstance instance{module, module.firstClassOf(kVstAudioEffectClass), *host};
    if (job.statePath) {
        // As a DAW restores a session: state first, then activation.
        if (instance.loadComponentState(readStateFile(*job.statePath)) != kResultOk) {
            throw HostError("the plugin rejected the state in " + job.statePath->string());
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
    for (const auto& [name, text] : job.settings) {
        const auto info = requireParameter(instance, name);
        initialValues.emplace_back(info.id, requireValue(instance, info, name, text));
    }
    std::vector<AutomationLane> lanes;
    for (const auto& text : job.automation) {
        const auto info = requireParameter(instance, text.parameter);
        lanes.push_back(makeLane(info.id, text, clip.sampleRate, [&](const std::string& value) {
            return requireValue(instance, info, text.parameter, value);
        }));
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
                    changes->add(lane.id, static_cast<int32>(point.frame - start), point.value);
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
    if (job.saveStatePath) {
        writeStateFile(*job.saveStatePath, instance.saveComponentState());
    }
    return rendered;
}

}  // namespace vstkit::host
