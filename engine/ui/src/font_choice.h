#pragma once

#include <string>

namespace vstkit::ui {

/// One TrueType face on disk; an empty path means it is not installed.
struct FontFace {
    std::string path;
    /// The face's index within a collection file (.ttc); 0 for a single font.
    int index = 0;

    [[nodiscard]] bool found() const noexcept { return !path.empty(); }
};

/// The faces the editor draws with, found at run time, never bundled. DejaVu
/// Sans (Debian's fonts-dejavu-core, on nearly every desktop) for both: a
/// clean UI sans whose figures all share one advance width, so a value that
/// changes as a slider moves does not jiggle. Book for labels, Bold for the
/// title and the value readouts, which then stand out from the labels
/// without a second family (the Condensed face is only in fonts-dejavu-extra).
struct FontChoice {
    /// Labels, ranges, combo boxes and typed values.
    FontFace body;
    /// The title and the value readouts.
    FontFace values;
};

/// Asks the platform's font configuration (fontconfig on Linux:
/// font_choice_fontconfig.cpp) for the faces. Never fails: a face that is not
/// installed comes back empty, and the editor draws with ImGui's built-in font.
[[nodiscard]] FontChoice chooseFonts();

}  // namespace vstkit::ui
