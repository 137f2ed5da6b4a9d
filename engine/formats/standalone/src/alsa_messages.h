#pragma once

namespace vstkit::formats::standalone {

/// Stops alsa-lib printing its own diagnostics to stderr. Probing devices on
/// a machine without a sound card makes it print a dozen lines of config
/// errors; RtAudio reports every failure that matters to us itself.
void silenceAlsaMessages() noexcept;

}  // namespace vstkit::formats::standalone
