#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "vstkit/protocol/state.h"

namespace vstkit::formats::standalone {

/// Where the app remembers its parameter values between runs:
/// $XDG_CONFIG_HOME/vstkit/<appName>.state, or ~/.config/vstkit/ when
/// XDG_CONFIG_HOME is unset or not absolute (as the XDG spec says). Empty when
/// neither it nor a home folder is known.
[[nodiscard]] std::optional<std::filesystem::path> rememberedValuesPath(std::string_view appName,
                                                                        const char* xdgConfigHome,
                                                                        const char* home);

struct RememberedValues {
    /// The remembered values, or the defaults.
    protocol::ParamValues values;
    /// One line when a file was there but could not be used; empty otherwise.
    std::string warning;
};

/// Reads the file as a protocol state blob. A missing file gives the defaults
/// silently; an unreadable or corrupt one gives the defaults and a warning.
[[nodiscard]] RememberedValues loadRememberedValues(const std::filesystem::path& file);

/// Writes the values as a protocol state blob to a temporary file beside
/// `file`, flushes it to disk and renames it over `file`, so a crash leaves
/// either the old file or the new one, never half of one. Returns a one-line
/// reason on failure, empty on success.
[[nodiscard]] std::string saveRememberedValues(const std::filesystem::path& file,
                                               const protocol::ParamValues& values);

}  // namespace vstkit::formats::standalone
