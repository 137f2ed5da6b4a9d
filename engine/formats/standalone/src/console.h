#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace vstkit::formats::standalone {

/// The app's lines for the terminal, each flushed at once so a log or a
/// test sees it when it happens. Main thread only, never the audio thread.
class Console final {
  public:
    explicit Console(std::string_view appName) : appName_(appName) {}

    /// "VstKit: <text>" on stdout.
    void say(std::string_view text) const { write(stdout, prefixed(text)); }
    /// "VstKit: <text>" on stderr.
    void warn(std::string_view text) const { write(stderr, prefixed(text)); }
    /// `text` on stdout as it is (help, device lists, the summary).
    void print(std::string_view text) const { write(stdout, std::string{text}); }

  private:
    [[nodiscard]] std::string prefixed(std::string_view text) const {
        return appName_ + ": " + std::string{text} + "\n";
    }
    static void write(std::FILE* stream, const std::string& text) {
        std::fwrite(text.data(), 1, text.size(), stream);
        std::fflush(stream);
    }

    std::string appName_;
};

}  // namespace vstkit::formats::standalone
