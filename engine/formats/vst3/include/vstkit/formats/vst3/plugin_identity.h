#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace vstkit::formats::vst3 {

/// A 16-byte VST3 class ID, in the byte order hosts print it
/// ("ABCDEF019182FAEB56736B74566B676E" is {0xAB, 0xCD, 0xEF, 0x01, ...}).
using ClassId = std::array<std::uint8_t, 16>;

/// Who the plugin is, as VST3 hosts see it. Every field is part of saved
/// sessions and scan caches: once released, never change one.
struct PluginIdentity {
    std::string_view name;
    std::string_view vendor;
    std::string_view url;
    std::string_view email;
    std::string_view version;
    /// VST3 sub-categories, '|'-separated, e.g. "Fx|Tools".
    std::string_view categories;
    ClassId componentClassId;
    ClassId controllerClassId;
};

/// Defined once by the plugin the module is built for (its identity file).
[[nodiscard]] const PluginIdentity& pluginIdentity() noexcept;

}  // namespace vstkit::formats::vst3
