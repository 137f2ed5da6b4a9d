#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <string_view>

#include "vstkit/core/audio_facts.h"
#include "vstkit/core/plugin_processor.h"
#include "vstkit/core/web_ui.h"
#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/table_checks.h"

namespace vstkit::core {

/// A 16-byte VST3 class ID, in the byte order hosts print it
/// ("ABCDEF019182FAEB56736B74566B676E" is {0xAB, 0xCD, 0xEF, 0x01, ...}).
using Vst3ClassId = std::array<std::uint8_t, 16>;

/// Who the plugin is, in every format. Every field below the description is
/// part of saved sessions, presets and scan caches: once released, never
/// change one.
struct PluginIdentity {
    std::string_view name{};
    std::string_view vendor{};
    std::string_view url{};
    std::string_view email{};
    std::string_view version{};
    std::string_view description{};
    /// VST3 sub-categories, '|'-separated, e.g. "Fx|Tools".
    std::string_view vst3Categories{};
    Vst3ClassId vst3ComponentId{};
    Vst3ClassId vst3ControllerId{};
    /// The LV2 plugin URI; its editor is "<uri>:UI".
    std::string_view lv2Uri{};
    /// An lv2:Plugin subclass without the prefix, e.g. "FilterPlugin".
    std::string_view lv2Class{};
    /// lv2:minorVersion and lv2:microVersion; hosts prefer the higher.
    int lv2MinorVersion = 0;
    int lv2MicroVersion = 0;
    /// The CLAP plugin id, reverse-domain and lower case, e.g. "dev.vstkit.gain".
    std::string_view clapId{};
    /// CLAP features besides "audio-effect" and the channel one the kit adds
    /// ("stereo" or "mono"), space-separated, e.g. "utility" or "filter".
    std::string_view clapFeatures{};
};

/// Everything the formats need to know about the plugin they wrap.
struct PluginDefinition {
    const PluginIdentity& identity;
    std::span<const protocol::ParamSpec> parameters;
    /// Channel layouts, tail and latency.
    AudioFacts audio;
    /// Builds the plugin's processor in `storage` (processorSize bytes,
    /// aligned to processorAlignment), so the core can keep it inline; the
    /// caller calls its destructor.
    ProcessorInstance* (*constructProcessor)(void* storage);
    std::size_t processorSize;
    std::size_t processorAlignment;
    /// The plugin's own web editor, or nullptr for the generic editor.
    const WebUi* webUi = nullptr;
};

/// The plugin a binary is built for: defined once per plugin binary by
/// VSTKIT_PLUGIN(Type) below, in the file vstkit_add_plugin() generates.
[[nodiscard]] const PluginDefinition& pluginDefinition() noexcept;

/// A plugin declares itself as a type with `identity`, `parameters` and
/// `Processor`, and optionally `audio` (AudioFacts; the defaults otherwise);
/// this checks they fit together at compile time.
template <typename Plugin>
concept PluginDeclaration = requires {
    { Plugin::identity } -> std::convertible_to<const PluginIdentity&>;
    { Plugin::parameters } -> std::convertible_to<std::span<const protocol::ParamSpec>>;
    typename Plugin::Processor;
}
&&PluginProcessor<typename Plugin::Processor>;

/// The plugin's `audio` if it declares one, else the defaults.
template <typename Plugin>
[[nodiscard]] constexpr AudioFacts audioFactsOf() noexcept {
    if constexpr (requires { AudioFacts{Plugin::audio}; }) {
        return Plugin::audio;
    } else {
        return AudioFacts{};
    }
}

template <PluginDeclaration Plugin>
[[nodiscard]] const PluginDefinition& definitionOf() noexcept {
    static_assert(protocol::isValidTable(Plugin::parameters),
                  "the parameter table breaks a rule: see protocol/table_checks.h");
    static_assert(isValidAudioFacts(audioFactsOf<Plugin>()),
                  "audio: give at least one layout, with 1 or 2 outputs and no more inputs");
    using Adapter = ProcessorAdapter<typename Plugin::Processor>;
    static const PluginDefinition kDefinition{Plugin::identity,
                                              Plugin::parameters,
                                              audioFactsOf<Plugin>(),
                                              [](void* storage) -> ProcessorInstance* { return new (storage) Adapter(); },
                                              sizeof(Adapter),
                                              alignof(Adapter)};
    return kDefinition;
}

}  // namespace vstkit::core

/// Names the plugin this binary is built for. Put it in exactly one source
/// file of the plugin (vstkit_add_plugin generates that file).
#define VSTKIT_PLUGIN(PluginType)                                                         \
    const ::vstkit::core::PluginDefinition& ::vstkit::core::pluginDefinition() noexcept { \
        return ::vstkit::core::definitionOf<PluginType>();                                \
    }

/// The same for a plugin with a web editor: `webUi` is the page packed into
/// the binary (vstkit_add_plugin(... WEB_UI folder) generates both).
#define VSTKIT_PLUGIN_WITH_WEB_UI(PluginType, webUiObject)                                \
    const ::vstkit::core::PluginDefinition& ::vstkit::core::pluginDefinition() noexcept { \
        static const ::vstkit::core::PluginDefinition kWithWebUi = [] {                   \
            ::vstkit::core::PluginDefinition definition =                                 \
                ::vstkit::core::definitionOf<PluginType>();                               \
            definition.webUi = &(webUiObject);                                            \
            return definition;                                                            \
        }();                                                                              \
        return kWithWebUi;                                                                \
    }
