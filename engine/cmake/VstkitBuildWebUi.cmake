# Run by vstkit_add_web_ui() at build time (cmake -P): builds the page with
# `npm run build` into OUT_DIR, then writes SOURCE, which packs each built
# file into the plugin binary (the assembler's .incbin: no hex dump to
# compile) and defines `vstkit_NAME_web_ui`.
file(REMOVE_RECURSE "${OUT_DIR}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env "VSTKIT_WEB_UI_OUT=${OUT_DIR}"
            "${NPM}" run build --silent
    WORKING_DIRECTORY "${FOLDER}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "`npm run build` in ${FOLDER} failed (${result})")
endif()
if(NOT EXISTS "${OUT_DIR}/index.html")
    message(FATAL_ERROR "`npm run build` in ${FOLDER} wrote no index.html to VSTKIT_WEB_UI_OUT")
endif()

file(GLOB_RECURSE files RELATIVE "${OUT_DIR}" "${OUT_DIR}/*")
list(SORT files)
set(blobs "")
set(declarations "")
set(entries "")
set(index 0)
foreach(file IN LISTS files)
    if(file MATCHES "[\"\\\\\n]")
        message(FATAL_ERROR "web page file name not packable: ${file}")
    endif()
    set(label "vstkit_${NAME}_page_${index}")
    string(APPEND blobs
        "    \".balign 16\\n${label}:\\n.incbin \\\"${OUT_DIR}/${file}\\\"\\n${label}_end:\\n\"\n")
    string(APPEND declarations
        "extern \"C\" const std::uint8_t ${label}[] VSTKIT_PAGE_SYMBOL;\n"
        "extern \"C\" const std::uint8_t ${label}_end[] VSTKIT_PAGE_SYMBOL;\n")
    string(APPEND entries "    {\"${file}\", {${label}, ${label}_end}},\n")
    math(EXPR index "${index} + 1")
endforeach()

file(WRITE "${SOURCE}" "// Written by vstkit_add_plugin(): ${NAME}'s web editor page (${FOLDER}),
// built with npm and packed into the plugin. Edit the page, not this file.
#include <cstdint>

#include \"vstkit/core/web_ui.h\"

#define VSTKIT_PAGE_SYMBOL __attribute__((visibility(\"hidden\")))

asm(\".pushsection .rodata\\n\"
${blobs}    \".popsection\\n\");

${declarations}
namespace {
const vstkit::core::WebUiFile kPageFiles[] = {
${entries}};
}  // namespace

extern const vstkit::core::WebUi vstkit_${NAME}_web_ui;
const vstkit::core::WebUi vstkit_${NAME}_web_ui{kPageFiles, ${WIDTH}, ${HEIGHT}};
")
