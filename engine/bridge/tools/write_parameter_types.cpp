// Build-time tool: writes a plugin's parameters.generated.ts (the typed ids
// for its web page) from its parameter table, and only when the text
// changed, so a dev server watching the page does not reload for nothing.
//
// Built per plugin by vstkit_add_web_ui() with VSTKIT_PLUGIN_TYPE naming the
// type plugin.h declares; only its table is read, so nothing of the
// processor (or of the page this writes for) is linked.
//
// Usage: write_parameter_types OUTPUT.ts
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "plugin.h"
#include "vstkit/bridge/parameter_types_module.h"

namespace {

/// The file's text, or empty when there is none.
std::string currentText(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        return {};
    }
    std::string text(size, '\0');
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return {};
    }
    text.resize(std::fread(text.data(), 1, text.size(), file));
    std::fclose(file);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: write_parameter_types OUTPUT.ts\n");
        return 2;
    }
    const std::filesystem::path output{argv[1]};
    const std::string text = vstkit::bridge::parameterTypesModule(VSTKIT_PLUGIN_TYPE::parameters);
    if (currentText(output) == text) {
        return 0;
    }
    std::ofstream out{output, std::ios::binary | std::ios::trunc};
    out << text;
    out.close();
    if (!out) {
        std::fprintf(stderr, "write_parameter_types: cannot write %s\n", output.c_str());
        return 1;
    }
    return 0;
}
