// Times whole process() calls through a plugin format, as a DAW makes them:
// a VST3 through IAudioProcessor::process, a CLAP through clap_plugin.process,
// an LV2 through run(), each with the host's own per-call work included. Each
// plugin's processor alone is timed by its vstkit_NAME_bare_bench, with the
// same loop (vstkit/bench/batch_timing.h), so ./vstkit bench can give the
// format layer's cost as a ratio.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "arguments.h"
#include "clap/clap_event_lists.h"
#include "clap/clap_instance.h"
#include "clap/clap_module.h"
#include "commands.h"
#include "conformance/signal.h"
#include "lv2/lv2_bundle.h"
#include "lv2/lv2_instance.h"
#include "pluginterfaces/vst/ivstaudioprocessor.h"
#include "process_memory.h"
#include "vst3/host_application.h"
#include "vst3/host_error.h"
#include "vst3/plugin_instance.h"
#include "vstkit/bench/batch_timing.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

struct BenchSettings {
    std::string bundle;
    int frames = 64;
    int calls = 50000;
    int instances = 1;
    bool json = false;
};

/// In-place buffers on the main bus, whatever its width: the same 1 kHz sine
/// the bare bench plays, shared by every instance as one bus in a DAW.
class InPlaceAudio final {
  public:
    InPlaceAudio(std::size_t channels, int frames)
        : buffers_(channels, conformance::sine(bench::kSampleRate, 1000.0,
                                               static_cast<std::size_t>(frames), 0.25F)) {
        for (auto& buffer : buffers_) {
            pointers_.push_back(buffer.data());
        }
    }
    [[nodiscard]] std::span<float* const> channels(std::size_t count) const noexcept {
        return {pointers_.data(), std::min(count, pointers_.size())};
    }

  private:
    std::vector<std::vector<float>> buffers_;
    std::vector<float*> pointers_;
};

/// The first of the instances (there is always at least one).
template <typename Instance>
const Instance& first(const std::vector<std::unique_ptr<Instance>>& instances) {
    if (instances.empty() || instances.front() == nullptr) {
        throw HostError("bench: no instance was made");
    }
    return *instances.front();
}

/// Warms the cycle up, reads the memory the instances hold, and times it.
template <typename Cycle>
void warmMeasureAndReport(const BenchSettings& settings, std::string_view format,
                          long residentBefore, Cycle&& cycle) {
    for (int i = 0; i < bench::warmUpCycles(settings.calls, settings.instances); ++i) {
        cycle();
    }
    const long residentAfter = residentBytes();
    bench::measureAndReport(
        cycle,
        {.what = settings.bundle,
         .format = format,
         .frames = settings.frames,
         .instances = settings.instances,
         .calls = settings.calls,
         .bytesPerInstance =
             static_cast<double>(residentAfter - residentBefore) / settings.instances},
        settings.json);
}

int benchVst3(const BenchSettings& settings) {
    const Module module{std::filesystem::path{settings.bundle}};
    auto host = owned(new HostApplication);
    const auto audioClass = module.firstClassOf(kVstAudioEffectClass);
    const long residentBefore = residentBytes();
    std::vector<std::unique_ptr<PluginInstance>> instances;
    for (int i = 0; i < settings.instances; ++i) {
        auto instance = std::make_unique<PluginInstance>(module, audioClass, *host);
        instance->start({bench::kSampleRate, settings.frames});
        // Steady at -6 dB where the plugin has a Gain that takes "-6" (VstKit
        // does); any other plugin plays at its defaults.
        if (const auto gain = instance->findParameter("gain")) {
            if (const auto normalized = instance->normalizedFromText(gain->id, "-6")) {
                instance->setBeforePlayback(std::array{std::pair{gain->id, *normalized}});
            }
        }
        instances.push_back(std::move(instance));
    }
    const auto& layout = first(instances).busLayout();
    const InPlaceAudio audio{
        static_cast<std::size_t>(std::max(layout.mainInputs(), layout.mainOutputs())),
        settings.frames};
    const auto inputs = audio.channels(static_cast<std::size_t>(layout.mainInputs()));
    const auto outputs = audio.channels(static_cast<std::size_t>(layout.mainOutputs()));
    warmMeasureAndReport(settings, "vst3", residentBefore, [&] {
        for (auto& instance : instances) {
            instance->process(inputs, outputs, settings.frames, nullptr);
        }
    });
    return 0;
}

int benchClap(const BenchSettings& settings) {
    const ClapModule module{std::filesystem::path{settings.bundle}};
    const long residentBefore = residentBytes();
    std::vector<std::unique_ptr<ClapInstance>> instances;
    for (int i = 0; i < settings.instances; ++i) {
        auto instance = std::make_unique<ClapInstance>(module);
        instance->start(bench::kSampleRate, static_cast<std::uint32_t>(settings.frames));
        if (const auto gain = instance->findParameter("gain")) {
            if (const auto value = instance->textToValue(gain->id, "-6")) {
                instance->setValues(std::array{std::pair{gain->id, *value}});
            }
        }
        instances.push_back(std::move(instance));
    }
    const auto& ports = first(instances).ports();
    const InPlaceAudio audio{std::max(ports.mainInputChannels(), ports.mainOutputChannels()),
                             settings.frames};
    const auto inputs = audio.channels(ports.mainInputChannels());
    const auto outputs = audio.channels(ports.mainOutputChannels());
    const InputEventList noEvents;
    warmMeasureAndReport(settings, "clap", residentBefore, [&] {
        for (auto& instance : instances) {
            instance->process(inputs, outputs, static_cast<std::uint32_t>(settings.frames),
                              noEvents);
            instance->outputEvents().clear();
        }
    });
    return 0;
}

int benchLv2(const BenchSettings& settings) {
    Lv2Bundle bundle{std::filesystem::path{settings.bundle}};
    const long residentBefore = residentBytes();
    std::vector<std::unique_ptr<Lv2Instance>> instances;
    for (int i = 0; i < settings.instances; ++i) {
        auto instance = std::make_unique<Lv2Instance>(bundle, bench::kSampleRate,
                                                      static_cast<std::uint32_t>(settings.frames));
        // LV2 control ports carry plain values: the Gain in dB.
        static_cast<void>(instance->setControl("gain", -6.0F));
        instances.push_back(std::move(instance));
    }
    const Lv2Instance& model = first(instances);
    const InPlaceAudio audio{std::max(model.audioInputs(), model.audioOutputs()), settings.frames};
    for (auto& instance : instances) {
        instance->connectAudio(audio.channels(instance->audioInputs()),
                               audio.channels(instance->audioOutputs()));
        instance->activate();
    }
    warmMeasureAndReport(settings, "lv2", residentBefore, [&] {
        for (auto& instance : instances) {
            instance->run(static_cast<std::uint32_t>(settings.frames));
        }
    });
    return 0;
}

}  // namespace

int runBench(std::span<const std::string_view> arguments) {
    const Arguments parsed{arguments, {"json"}, {"frames", "calls", "instances"}};
    BenchSettings settings;
    settings.bundle = parsed.onlyPositional("bundle");
    settings.json = parsed.has("json");
    if (const auto frames = parsed.value("frames")) {
        settings.frames = Arguments::parseInt("frames", *frames, 1, 8192);
    }
    if (const auto calls = parsed.value("calls")) {
        settings.calls = Arguments::parseInt("calls", *calls, 100, 10000000);
    }
    if (const auto instances = parsed.value("instances")) {
        settings.instances = Arguments::parseInt("instances", *instances, 1, 10000);
    }
    const std::filesystem::path bundle{settings.bundle};
    auto extension = bundle.extension().string();
    if (extension.empty()) {
        extension = bundle.parent_path().extension().string();  // A trailing slash.
    }
    if (extension == ".clap") {
        return benchClap(settings);
    }
    if (extension == ".lv2") {
        return benchLv2(settings);
    }
    return benchVst3(settings);
}

}  // namespace vstkit::host
