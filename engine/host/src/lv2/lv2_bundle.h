#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <lilv/lilv.h>
#include <lv2/urid/urid.h>

namespace vstkit::host {

/// What one port of an LV2 plugin is, as its bundle declares it.
struct Lv2Port {
    /// Unconnected: an optional port of a kind this host does not feed.
    enum class Kind { AudioInput, AudioOutput, ControlInput, ControlOutput, Unconnected };
    Kind kind = Kind::ControlInput;
    std::string symbol;
    float defaultValue = 0.0F;
};

/// An LV2 bundle loaded as lilv-based hosts (Ardour, jalv) load one: a lilv
/// world holding the bundle, its first plugin, that plugin's ports and the
/// URID map every instance is given. Main thread; instances borrow it.
class Lv2Bundle final {
  public:
    /// Throws HostError (one line) when the folder holds no LV2 plugin, or
    /// the plugin has a port kind this host cannot feed (atom, CV).
    explicit Lv2Bundle(const std::filesystem::path& bundle);
    ~Lv2Bundle();
    Lv2Bundle(const Lv2Bundle&) = delete;
    Lv2Bundle& operator=(const Lv2Bundle&) = delete;
    Lv2Bundle(Lv2Bundle&&) = delete;
    Lv2Bundle& operator=(Lv2Bundle&&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] const LilvPlugin* plugin() const noexcept { return plugin_; }
    [[nodiscard]] const std::vector<Lv2Port>& ports() const noexcept { return ports_; }
    /// The port index of the control input with this symbol, or -1.
    [[nodiscard]] int controlInput(std::string_view symbol) const noexcept;
    [[nodiscard]] LV2_URID_Map& uridMap() noexcept { return uridMap_; }

  private:
    static LV2_URID mapUri(LV2_URID_Map_Handle handle, const char* uri);

    std::filesystem::path path_;
    LilvWorld* world_ = nullptr;
    const LilvPlugin* plugin_ = nullptr;
    std::vector<Lv2Port> ports_;
    std::map<std::string, LV2_URID, std::less<>> urids_;
    LV2_URID_Map uridMap_{};
};

}  // namespace vstkit::host
