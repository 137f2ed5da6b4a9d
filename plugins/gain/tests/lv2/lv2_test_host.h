#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <lv2/core/lv2.h>
#include <lv2/state/state.h>
#include <lv2/urid/urid.h>

namespace vstkit::lv2_tests {

/// A host's urid:map: each URI gets the next number, and keeps it.
class UridMap final {
  public:
    UridMap() : feature_{LV2_URID__map, &map_} {}
    UridMap(const UridMap&) = delete;
    UridMap& operator=(const UridMap&) = delete;
    UridMap(UridMap&&) = delete;
    UridMap& operator=(UridMap&&) = delete;

    [[nodiscard]] LV2_URID id(const std::string& uri);
    [[nodiscard]] const LV2_Feature* feature() const noexcept { return &feature_; }

  private:
    static LV2_URID mapCallback(LV2_URID_Map_Handle handle, const char* uri);
    std::map<std::string, LV2_URID> ids_;
    LV2_URID_Map map_{this, &UridMap::mapCallback};
    LV2_Feature feature_;
};

/// One stored state property, as a host keeps it between save and restore.
struct StoredProperty {
    std::vector<std::uint8_t> value;
    std::uint32_t type = 0;
    std::uint32_t flags = 0;
};
using StoredState = std::map<std::uint32_t, StoredProperty>;

/// The built plugin binary, opened with dlopen as a host opens it.
class Lv2Module final {
  public:
    /// Opens BUNDLE/NAME.so; check loaded() and error().
    Lv2Module(const std::string& bundleDir, const std::string& binaryName);
    ~Lv2Module();
    Lv2Module(const Lv2Module&) = delete;
    Lv2Module& operator=(const Lv2Module&) = delete;
    Lv2Module(Lv2Module&&) = delete;
    Lv2Module& operator=(Lv2Module&&) = delete;

    [[nodiscard]] bool loaded() const noexcept { return handle_ != nullptr; }
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] void* symbol(const char* name) const;

  private:
    void* handle_ = nullptr;
    std::string error_;
};

/// A stereo plugin instance with its ports connected to buffers of its own.
class Lv2Instance final {
  public:
    Lv2Instance(const LV2_Descriptor& descriptor, double sampleRate,
                const std::vector<const LV2_Feature*>& features, std::size_t maxFrames = 8192);
    ~Lv2Instance();
    Lv2Instance(const Lv2Instance&) = delete;
    Lv2Instance& operator=(const Lv2Instance&) = delete;
    Lv2Instance(Lv2Instance&&) = delete;
    Lv2Instance& operator=(Lv2Instance&&) = delete;

    [[nodiscard]] bool valid() const noexcept { return handle_ != nullptr; }
    /// The value the host holds in a control port.
    float& control(std::uint32_t port) { return controls_.at(port); }
    /// Connects an output control port (a meter) and returns what the plugin writes to it.
    const float& connectOutputControl(std::uint32_t port);
    /// Fills both inputs with `value`, runs `frames`, and returns the left output.
    std::vector<float> runConstant(float value, std::uint32_t frames);
    /// The last sample of the left output after running `frames` of `value`.
    float settledOutput(float value, std::uint32_t frames = 4800);

    [[nodiscard]] const LV2_State_Interface* state() const;
    LV2_State_Status save(StoredState& into) const;
    LV2_State_Status restore(const StoredState& from);

  private:
    const LV2_Descriptor& descriptor_;
    LV2_Handle handle_ = nullptr;
    std::vector<float> inputs_[2];
    std::vector<float> outputs_[2];
    std::map<std::uint32_t, float> controls_;
};

}  // namespace vstkit::lv2_tests
