#pragma once

#include <atomic>

#include "pluginterfaces/base/funknown.h"

namespace vstkit::host {

/// Reference counting and queryInterface for an object the host hands to a
/// plugin. Create with new (the count starts at 1) and hold in an IPtr made
/// with Steinberg::owned().
// VST3 interfaces are COM-style: released through release(), never deleted
// through a base pointer, so they have no virtual destructor by design.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
template <typename FirstInterface, typename... MoreInterfaces>
class HostObject : public FirstInterface, public MoreInterfaces... {
  public:
    HostObject() = default;
    HostObject(const HostObject&) = delete;
    HostObject& operator=(const HostObject&) = delete;
    HostObject(HostObject&&) = delete;
    HostObject& operator=(HostObject&&) = delete;

    Steinberg::tresult PLUGIN_API queryInterface(const Steinberg::TUID requestedIid,
                                                 void** object) override {
        if (object == nullptr) {
            return Steinberg::kInvalidArgument;
        }
        *object = nullptr;
        if (Steinberg::FUnknownPrivate::iidEqual(requestedIid, Steinberg::FUnknown::iid)) {
            *object = static_cast<Steinberg::FUnknown*>(static_cast<FirstInterface*>(this));
        }
        findInterface<FirstInterface, MoreInterfaces...>(requestedIid, object);
        if (*object == nullptr) {
            return Steinberg::kNoInterface;
        }
        addRef();
        return Steinberg::kResultOk;
    }

    Steinberg::uint32 PLUGIN_API addRef() override { return ++references_; }

    Steinberg::uint32 PLUGIN_API release() override {
        const Steinberg::uint32 left = --references_;
        if (left == 0) {
            delete this;
        }
        return left;
    }

  protected:
    virtual ~HostObject() = default;

  private:
    template <typename... Interfaces>
    void findInterface(const Steinberg::TUID requestedIid, void** object) {
        ((*object == nullptr && Steinberg::FUnknownPrivate::iidEqual(requestedIid, Interfaces::iid)
              ? (*object = static_cast<Interfaces*>(this), 0)
              : 0),
         ...);
    }

    std::atomic<Steinberg::uint32> references_{1};
};

#pragma GCC diagnostic pop

}  // namespace vstkit::host
