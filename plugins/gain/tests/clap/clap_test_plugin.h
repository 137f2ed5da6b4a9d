#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vstkit/formats/clap/abi/entry.h"
#include "vstkit/formats/clap/abi/host.h"
#include "vstkit/formats/clap/abi/params.h"
#include "vstkit/formats/clap/abi/plugin.h"
#include "vstkit/formats/clap/abi/state.h"

namespace vstkit::clap_tests {

/// The built .clap opened with dlopen and its one plugin made, as a CLAP
/// host does, with a host that offers no extensions. Only what the gain's
/// cross-format tests need: parameter values and state.
class ClapTestPlugin final {
  public:
    /// Opens `path` and makes the plugin `pluginId`; check error().
    ClapTestPlugin(const std::string& path, const char* pluginId);
    ~ClapTestPlugin();
    ClapTestPlugin(const ClapTestPlugin&) = delete;
    ClapTestPlugin& operator=(const ClapTestPlugin&) = delete;
    ClapTestPlugin(ClapTestPlugin&&) = delete;
    ClapTestPlugin& operator=(ClapTestPlugin&&) = delete;

    /// Empty when the plugin was made; otherwise what went wrong.
    [[nodiscard]] const std::string& error() const noexcept { return error_; }

    /// A plain value, set through params.flush as a host does while inactive.
    bool setValue(clap_abi::Id id, double value);
    [[nodiscard]] std::optional<double> value(clap_abi::Id id) const;

    [[nodiscard]] std::optional<std::vector<std::uint8_t>> saveState() const;
    bool loadState(const std::vector<std::uint8_t>& bytes);

  private:
    void* module_ = nullptr;
    const clap_abi::PluginEntry* entry_ = nullptr;
    clap_abi::Host host_{};
    const clap_abi::Plugin* plugin_ = nullptr;
    const clap_abi::PluginParams* params_ = nullptr;
    const clap_abi::PluginState* state_ = nullptr;
    std::string error_;
};

}  // namespace vstkit::clap_tests
