#pragma once

#include <span>

#include "vstkit/core/web_ui.h"

namespace vstkit::ui {

/// Packs a web editor's files into a sealed memfd (helper_protocol.h's
/// archive) for the helper process to map. Returns the fd, or -1.
[[nodiscard]] int packPageArchive(std::span<const core::WebUiFile> files) noexcept;

}  // namespace vstkit::ui
