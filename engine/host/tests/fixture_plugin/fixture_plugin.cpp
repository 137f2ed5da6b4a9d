#include "fixture_plugin.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "pluginterfaces/base/ibstream.h"
#include "pluginterfaces/vst/ivstparameterchanges.h"
#include "pluginterfaces/vst/vstspeaker.h"
#include "vst3/strings.h"

namespace vstkit::host::fixture {

using namespace Steinberg;

namespace {

constexpr char kStateMagic[4] = {'V', 'K', 'F', 'X'};
constexpr std::uint32_t kStateVersion = 1;
constexpr std::array<double, 3> kDefaults = {0.5, 0.0, 0.0};
constexpr std::array<int32, 3> kStepCounts = {0, 2, 1};
constexpr const char* kModeNames[] = {"A", "B", "C"};

/// Parameter ids are the table index plus one: id 0 is never used.
constexpr Vst::ParamID idOf(std::size_t index) {
    return static_cast<Vst::ParamID>(index + 1);
}

bool validIndex(Vst::ParamID id) {
    return id >= 1 && id <= kDefaults.size();
}

std::size_t indexOf(Vst::ParamID id) {
    return static_cast<std::size_t>(id - 1);
}

double clamp01(double value) {
    return std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : 0.0;
}

}  // namespace

FixturePlugin::FixturePlugin() : fault_(faultFromEnvironment()), values_(kDefaults) {
    if (fault_ == Fault::WrongDefault) {
        values_[kLevel] = 0.7;
    }
}

tresult PLUGIN_API FixturePlugin::initialize(FUnknown*) {
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::terminate() {
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::getControllerClassId(TUID) {
    return kResultFalse;  // The component is its own controller.
}

tresult PLUGIN_API FixturePlugin::setIoMode(Vst::IoMode) {
    return kResultOk;
}

int32 PLUGIN_API FixturePlugin::getBusCount(Vst::MediaType type, Vst::BusDirection) {
    return type == Vst::kAudio ? 1 : 0;
}

tresult PLUGIN_API FixturePlugin::getBusInfo(Vst::MediaType type, Vst::BusDirection direction,
                                             int32 index, Vst::BusInfo& bus) {
    if (type != Vst::kAudio || index != 0) {
        return kInvalidArgument;
    }
    bus = {};
    bus.mediaType = Vst::kAudio;
    bus.direction = direction;
    bus.channelCount = channels_;
    toString128(direction == Vst::kInput ? "Input" : "Output", bus.name);
    bus.busType = Vst::kMain;
    bus.flags = Vst::BusInfo::kDefaultActive;
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::getRoutingInfo(Vst::RoutingInfo&, Vst::RoutingInfo&) {
    return kNotImplemented;
}

tresult PLUGIN_API FixturePlugin::activateBus(Vst::MediaType type, Vst::BusDirection, int32 index,
                                              TBool) {
    return type == Vst::kAudio && index == 0 ? kResultOk : kInvalidArgument;
}

tresult PLUGIN_API FixturePlugin::setActive(TBool) {
    filterState_ = 0.0F;
    return kResultOk;
}

tresult FixturePlugin::readState(IBStream* state, bool apply) {
    if (state == nullptr) {
        return kInvalidArgument;
    }
    // Read one byte past a whole state, to tell a longer blob from ours.
    std::array<char, kStateBytes + 1> bytes{};
    int32 total = 0;
    std::array<char, 4096> chunk{};
    while (true) {
        int32 read = 0;
        if (state->read(chunk.data(), static_cast<int32>(chunk.size()), &read) != kResultOk ||
            read <= 0) {
            break;
        }
        if (total < static_cast<int32>(bytes.size())) {
            std::memcpy(bytes.data() + total, chunk.data(),
                        std::min<std::size_t>(static_cast<std::size_t>(read),
                                              bytes.size() - static_cast<std::size_t>(total)));
        }
        total += read;
        if (fault_ == Fault::CrashOnHuge && total > (1 << 20)) {
            // The pointer itself is volatile: the compiler cannot prove it null.
            int* volatile nowhere = nullptr;
            *nowhere = 1;
        }
        if (fault_ != Fault::CrashOnHuge && total > static_cast<int32>(kStateBytes)) {
            break;  // Longer than any state this plugin writes.
        }
    }
    std::array<double, kParameterCount> loaded{};
    const auto valueAt = [&](std::size_t index) {
        double value = 0.0;
        std::memcpy(&value, bytes.data() + 8 + index * sizeof(double), sizeof value);
        return value;
    };
    if (fault_ == Fault::PartialState && apply && total >= 16) {
        values_[kLevel] = clamp01(valueAt(kLevel));  // Before the rest is checked.
    }
    std::uint32_t version = 0;
    std::memcpy(&version, bytes.data() + 4, sizeof version);
    if (total != static_cast<int32>(kStateBytes) ||
        std::memcmp(bytes.data(), kStateMagic, sizeof kStateMagic) != 0 ||
        version != kStateVersion) {
        return kResultFalse;
    }
    for (std::size_t index = 0; index < kParameterCount; ++index) {
        loaded[index] = valueAt(index);
        if (!(loaded[index] >= 0.0 && loaded[index] <= 1.0)) {
            return kResultFalse;
        }
    }
    if (apply) {
        values_ = loaded;
    }
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::setState(IBStream* state) {
    return readState(state, true);
}

tresult PLUGIN_API FixturePlugin::getState(IBStream* state) {
    if (state == nullptr) {
        return kInvalidArgument;
    }
    std::array<char, kStateBytes> bytes{};
    std::memcpy(bytes.data(), kStateMagic, sizeof kStateMagic);
    std::memcpy(bytes.data() + 4, &kStateVersion, sizeof kStateVersion);
    std::memcpy(bytes.data() + 8, values_.data(), sizeof(double) * kParameterCount);
    int32 written = 0;
    return state->write(bytes.data(), static_cast<int32>(bytes.size()), &written);
}

tresult PLUGIN_API FixturePlugin::setBusArrangements(Vst::SpeakerArrangement* inputs,
                                                     int32 inputCount,
                                                     Vst::SpeakerArrangement* outputs,
                                                     int32 outputCount) {
    if (inputCount != 1 || outputCount != 1 || inputs[0] != outputs[0] ||
        (inputs[0] != Vst::SpeakerArr::kMono && inputs[0] != Vst::SpeakerArr::kStereo)) {
        return kResultFalse;
    }
    channels_ = Vst::SpeakerArr::getChannelCount(inputs[0]);
    return kResultTrue;
}

tresult PLUGIN_API FixturePlugin::getBusArrangement(Vst::BusDirection, int32 index,
                                                    Vst::SpeakerArrangement& arrangement) {
    if (index != 0) {
        return kInvalidArgument;
    }
    arrangement = channels_ == 1 ? Vst::SpeakerArr::kMono : Vst::SpeakerArr::kStereo;
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::canProcessSampleSize(int32 sampleSize) {
    return sampleSize == Vst::kSample32 ? kResultTrue : kResultFalse;
}

tresult PLUGIN_API FixturePlugin::setupProcessing(Vst::ProcessSetup& setup) {
    if (setup.symbolicSampleSize != Vst::kSample32 || setup.maxSamplesPerBlock < 1) {
        return kResultFalse;
    }
    maxFrames_ = setup.maxSamplesPerBlock;
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::setProcessing(TBool) {
    return kResultOk;
}

float FixturePlugin::gain() const noexcept {
    if (values_[kBypass] >= 0.5) {
        return 1.0F;
    }
    if (fault_ == Fault::LoudAtTop && values_[kLevel] >= 0.999) {
        return 4000.0F;
    }
    return static_cast<float>(2.0 * values_[kLevel]);
}

tresult PLUGIN_API FixturePlugin::process(Vst::ProcessData& data) {
    if (fault_ == Fault::Allocates) {
        scratch_.reset(new float[static_cast<std::size_t>(std::max(data.numSamples, 1))]);
    }
    // Each parameter's queue and the index of its next point.
    struct Lane {
        Vst::IParamValueQueue* queue;
        std::size_t index;
        int32 next;
    };
    std::array<Lane, kParameterCount> lanes{};
    std::size_t laneCount = 0;
    if (data.inputParameterChanges != nullptr) {
        const int32 count = data.inputParameterChanges->getParameterCount();
        for (int32 i = 0; i < count && laneCount < lanes.size(); ++i) {
            Vst::IParamValueQueue* queue = data.inputParameterChanges->getParameterData(i);
            if (queue != nullptr && validIndex(queue->getParameterId())) {
                lanes[laneCount++] = {queue, indexOf(queue->getParameterId()), 0};
            }
        }
    }
    // Applies every point at or before `frame`.
    const auto applyUntil = [&](int32 frame) {
        for (std::size_t lane = 0; lane < laneCount; ++lane) {
            auto& [queue, index, next] = lanes[lane];
            int32 offset = 0;
            Vst::ParamValue value = 0.0;
            while (next < queue->getPointCount() &&
                   queue->getPoint(next, offset, value) == kResultOk && offset <= frame) {
                values_[index] = clamp01(value);
                ++next;
            }
        }
    };
    if (data.numSamples <= 0 || data.numOutputs < 1 || data.outputs == nullptr) {
        applyUntil(std::numeric_limits<int32>::max());
        return kResultOk;
    }
    const auto& output = data.outputs[0];
    const Vst::AudioBusBuffers* input = data.numInputs > 0 ? &data.inputs[0] : nullptr;
    for (int32 frame = 0; frame < data.numSamples; ++frame) {
        applyUntil(frame);
        const float scale = gain();
        for (int32 channel = 0; channel < output.numChannels; ++channel) {
            const float in = input != nullptr && channel < input->numChannels
                                 ? input->channelBuffers32[channel][frame]
                                 : 0.0F;
            float out = in * scale;
            if (fault_ == Fault::StuckNan) {
                filterState_ = 0.5F * filterState_ + 0.5F * in;  // No guard against NaN.
                out += 0.001F * filterState_;
            }
            if (fault_ == Fault::RingsFlaggedSilent) {
                ring_ = 0.999F * ring_ + 0.01F * in;  // A slow decay: a ring.
                ring_ = std::isfinite(ring_) ? ring_ : 0.0F;
                out += ring_;
            }
            if (fault_ == Fault::NanIn1000 && data.numSamples == 1000) {
                out = std::numeric_limits<float>::quiet_NaN();
            }
            output.channelBuffers32[channel][frame] = out;
        }
    }
    applyUntil(std::numeric_limits<int32>::max());
    if (fault_ == Fault::RingsFlaggedSilent && input != nullptr) {
        data.outputs[0].silenceFlags = input->silenceFlags;  // "Silence in, silence out": not here.
    }
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::setComponentState(IBStream* state) {
    // The values live in this one object: the state is only checked here.
    return readState(state, false);
}

int32 PLUGIN_API FixturePlugin::getParameterCount() {
    return static_cast<int32>(kParameterCount);
}

tresult PLUGIN_API FixturePlugin::getParameterInfo(int32 index, Vst::ParameterInfo& info) {
    if (index < 0 || index >= static_cast<int32>(kParameterCount)) {
        return kInvalidArgument;
    }
    static constexpr const char* kTitles[] = {"Level", "Mode", "Bypass"};
    const auto row = static_cast<std::size_t>(index);
    info = {};
    info.id = idOf(row);
    toString128(kTitles[row], info.title);
    toString128(kTitles[row], info.shortTitle);
    info.stepCount = kStepCounts[row];
    info.defaultNormalizedValue = kDefaults[row];
    info.flags = Vst::ParameterInfo::kCanAutomate;
    info.flags |= row == kMode ? Vst::ParameterInfo::kIsList : 0;
    info.flags |= row == kBypass ? Vst::ParameterInfo::kIsBypass : 0;
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::getParamStringByValue(Vst::ParamID id, Vst::ParamValue normalized,
                                                        Vst::String128 text) {
    if (!validIndex(id)) {
        return kInvalidArgument;
    }
    const double plain = normalizedParamToPlain(id, normalized);
    switch (indexOf(id)) {
        case kLevel: {
            char number[32];
            std::snprintf(number, sizeof number, "%.3f", plain);
            toString128(number, text);
            break;
        }
        case kMode:
            toString128(kModeNames[static_cast<std::size_t>(plain)], text);
            break;
        default:
            toString128(plain >= 0.5 ? "On" : "Off", text);
            break;
    }
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::getParamValueByString(Vst::ParamID id, Vst::TChar* text,
                                                        Vst::ParamValue& normalized) {
    if (!validIndex(id) || text == nullptr) {
        return kInvalidArgument;
    }
    const std::string utf8 = toUtf8(text);
    switch (indexOf(id)) {
        case kLevel: {
            char* end = nullptr;
            const double value = std::strtod(utf8.c_str(), &end);
            if (end == utf8.c_str()) {
                return kResultFalse;
            }
            normalized = clamp01(fault_ == Fault::StringHalved ? value / 2.0 : value);
            return kResultOk;
        }
        case kMode:
            for (std::size_t mode = 0; mode < std::size(kModeNames); ++mode) {
                if (utf8 == kModeNames[mode]) {
                    normalized = plainParamToNormalized(id, static_cast<double>(mode));
                    return kResultOk;
                }
            }
            return kResultFalse;
        default:
            if (utf8 == "On" || utf8 == "Off") {
                normalized = utf8 == "On" ? 1.0 : 0.0;
                return kResultOk;
            }
            return kResultFalse;
    }
}

Vst::ParamValue PLUGIN_API FixturePlugin::normalizedParamToPlain(Vst::ParamID id,
                                                                 Vst::ParamValue normalized) {
    if (!validIndex(id)) {
        return 0.0;
    }
    const int32 steps = kStepCounts[indexOf(id)];
    return steps == 0 ? clamp01(normalized) : std::round(clamp01(normalized) * steps);
}

Vst::ParamValue PLUGIN_API FixturePlugin::plainParamToNormalized(Vst::ParamID id,
                                                                 Vst::ParamValue plain) {
    if (!validIndex(id)) {
        return 0.0;
    }
    const int32 steps = kStepCounts[indexOf(id)];
    return steps == 0 ? clamp01(plain) : clamp01(plain / steps);
}

Vst::ParamValue PLUGIN_API FixturePlugin::getParamNormalized(Vst::ParamID id) {
    return validIndex(id) ? values_[indexOf(id)] : 0.0;
}

tresult PLUGIN_API FixturePlugin::setParamNormalized(Vst::ParamID id, Vst::ParamValue value) {
    if (!validIndex(id)) {
        return kInvalidArgument;
    }
    values_[indexOf(id)] = clamp01(value);
    return kResultOk;
}

tresult PLUGIN_API FixturePlugin::setComponentHandler(Vst::IComponentHandler*) {
    return kResultOk;
}

IPlugView* PLUGIN_API FixturePlugin::createView(FIDString) {
    return nullptr;  // No editor: hosts show their generic one.
}

}  // namespace vstkit::host::fixture
