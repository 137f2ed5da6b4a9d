#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "platform/shared_library.h"
#include "pluginterfaces/base/ipluginbase.h"
#include "pluginterfaces/base/smartpointer.h"

namespace vstkit::host {

/// One class a factory offers, as PClassInfo2 (or PClassInfo) describes it.
struct ClassDescription {
    Steinberg::TUID cid{};
    std::string category;
    std::string name;
    std::string subCategories;
    std::string vendor;
    std::string version;
    std::string sdkVersion;
    Steinberg::int32 cardinality = 0;
    Steinberg::uint32 classFlags = 0;
};

struct FactoryDescription {
    std::string vendor;
    std::string url;
    std::string email;
    Steinberg::int32 flags = 0;
};

/// A loaded .vst3 bundle, opened the way a DAW opens it: load the module
/// inside the bundle, ModuleEntry, GetPluginFactory. Unloads on destruction.
class Module final {
  public:
    /// Throws HostError with a readable message when the bundle cannot load.
    explicit Module(const std::filesystem::path& bundle);
    ~Module();

    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;
    Module(Module&&) = delete;
    Module& operator=(Module&&) = delete;

    [[nodiscard]] Steinberg::IPluginFactory& factory() const noexcept { return *factory_; }
    [[nodiscard]] FactoryDescription factoryDescription() const;
    [[nodiscard]] std::vector<ClassDescription> classes() const;
    [[nodiscard]] const std::filesystem::path& bundlePath() const noexcept { return bundle_; }
    [[nodiscard]] const std::filesystem::path& binaryPath() const noexcept { return binary_; }

    /// The first class in the given category, e.g. kVstAudioEffectClass.
    [[nodiscard]] ClassDescription firstClassOf(const std::string& category) const;

  private:
    std::filesystem::path bundle_;
    std::filesystem::path binary_;
    SharedLibrary library_;
    Steinberg::IPtr<Steinberg::IPluginFactory> factory_;
};

}  // namespace vstkit::host
