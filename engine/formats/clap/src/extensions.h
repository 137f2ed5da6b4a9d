#pragma once

namespace vstkit::formats::clap {

/// The table of the plugin extension `id` (clap.params, clap.gui, ...), or
/// null for one the kit does not offer. Any thread; never allocates.
[[nodiscard]] const void* extensionOf(const char* id) noexcept;

}  // namespace vstkit::formats::clap
