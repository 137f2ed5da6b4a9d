#pragma once

// The lines the web editor (in the host's process) and its helper process
// (vstkit-webview) exchange over the socket the helper gets as fd 3. Each
// line starts with one letter:
//   M<json>     a bridge message: page to plugin, or plugin to page
//   R           helper to editor: the page has loaded
//   E<text>     helper to editor: the page cannot be shown, and why
//   Z<scale>    editor to helper: the host's content scale changed
//   P<expr>     editor to helper: evaluate a JavaScript expression in the
//               page (tests and tools read what the page shows); the
//               helper answers P<JSON of the value>, or P! and the error
// The page's files come as an archive in a sealed memfd (fd 4): for each
// file, a 4-byte little-endian path length, the path, a 4-byte length and
// the bytes.
namespace vstkit::ui::helper {

inline constexpr int kSocketFd = 3;
inline constexpr int kArchiveFd = 4;
inline constexpr char kBridgeMessage = 'M';
inline constexpr char kLoaded = 'R';
inline constexpr char kFailed = 'E';
inline constexpr char kZoom = 'Z';
inline constexpr char kProbe = 'P';

}  // namespace vstkit::ui::helper
