#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "host_object.h"
#include "pluginterfaces/vst/ivstparameterchanges.h"

namespace vstkit::host {

// VST3 interfaces are COM-style: released through release(), never deleted
// through a base pointer, so they have no virtual destructor by design.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
/// One parameter's points within a block. Fixed capacity: filling and reading
/// it never allocates, so it can be used on the audio thread.
class ParameterValueQueue final : public Steinberg::Vst::IParamValueQueue {
  public:
    static constexpr std::size_t kMaxPoints = 64;

    void reset(Steinberg::Vst::ParamID id) noexcept {
        id_ = id;
        count_ = 0;
    }

    Steinberg::Vst::ParamID PLUGIN_API getParameterId() override { return id_; }
    Steinberg::int32 PLUGIN_API getPointCount() override {
        return static_cast<Steinberg::int32>(count_);
    }
    Steinberg::tresult PLUGIN_API getPoint(Steinberg::int32 index, Steinberg::int32& sampleOffset,
                                           Steinberg::Vst::ParamValue& value) override;
    Steinberg::tresult PLUGIN_API addPoint(Steinberg::int32 sampleOffset,
                                           Steinberg::Vst::ParamValue value,
                                           Steinberg::int32& index) override;

    // Owned by ParameterChanges: lifetime is the owner's, not a reference count.
    Steinberg::tresult PLUGIN_API queryInterface(const Steinberg::TUID requestedIid,
                                                 void** object) override;
    Steinberg::uint32 PLUGIN_API addRef() override { return 1; }
    Steinberg::uint32 PLUGIN_API release() override { return 1; }

  private:
    struct Point {
        Steinberg::int32 sampleOffset;
        Steinberg::Vst::ParamValue value;
    };
    Steinberg::Vst::ParamID id_ = 0;
    std::size_t count_ = 0;
    std::array<Point, kMaxPoints> points_{};
};

/// IParameterChanges for one block, with a capacity fixed at construction
/// (see above): room for `maxParameters` parameters' queues.
class ParameterChanges final : public HostObject<Steinberg::Vst::IParameterChanges> {
  public:
    static constexpr std::size_t kDefaultMaxParameters = 64;

    explicit ParameterChanges(std::size_t maxParameters = kDefaultMaxParameters)
        : queues_(std::max(maxParameters, std::size_t{1})) {}

    /// Empties the list for the next block.
    void clear() noexcept { count_ = 0; }

    /// Adds a point, creating the parameter's queue if needed. False when full.
    bool add(Steinberg::Vst::ParamID id, Steinberg::int32 sampleOffset,
             Steinberg::Vst::ParamValue value) noexcept;

    Steinberg::int32 PLUGIN_API getParameterCount() override {
        return static_cast<Steinberg::int32>(count_);
    }
    Steinberg::Vst::IParamValueQueue* PLUGIN_API getParameterData(Steinberg::int32 index) override;
    Steinberg::Vst::IParamValueQueue* PLUGIN_API addParameterData(const Steinberg::Vst::ParamID& id,
                                                                  Steinberg::int32& index) override;

  private:
    std::size_t count_ = 0;
    std::vector<ParameterValueQueue> queues_;
};

#pragma GCC diagnostic pop

}  // namespace vstkit::host
