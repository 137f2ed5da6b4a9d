#pragma once

union _XEvent;
struct ImGuiIO;

namespace vstkit::ui {

/// Dear ImGui ships no X11 backend; this is the small part the editor needs:
/// pointer, buttons, wheel, modifiers, and the keys and characters of text entry.

/// Maps the keys ImGui's text fields read onto io.KeysDown slots.
void configureKeyMap(ImGuiIO& io) noexcept;

/// A button or key going down or up. ImGui 1.86 samples input state once per
/// frame, so such an event must not share a frame with the one that undoes it:
/// a click arriving in one batch would otherwise vanish.
[[nodiscard]] bool changesButtonOrKey(const _XEvent& event) noexcept;

/// Feeds one event to ImGui; returns true when it was input (worth a redraw).
bool applyInput(const _XEvent& event, ImGuiIO& io) noexcept;

}  // namespace vstkit::ui
