# vstkit_add_clap_module(TARGET NAME PLUGIN_LIBRARY): NAME.clap, one file,
# from the format layer and the plugin's library (its processor and the one
# file with VSTKIT_PLUGIN, see vstkit_add_plugin). The entry is compiled into
# the module itself, so the linker always keeps it.
#
# VSTKIT_FORMAT_CLAP_DIR holds the entry source, its private headers and the
# export map: engine/formats/clap in the kit's tree, share/vstkit/formats/clap
# in an installed kit.
include("${CMAKE_CURRENT_LIST_DIR}/VstkitPlatform.cmake")

function(vstkit_add_clap_module target name plugin_library)
    add_library(${target} MODULE "${VSTKIT_FORMAT_CLAP_DIR}/src/plugin_entry.cpp")
    target_link_libraries(${target} PRIVATE vstkit::format_clap ${plugin_library} vstkit::warnings)
    target_include_directories(${target} PRIVATE "${VSTKIT_FORMAT_CLAP_DIR}/src")
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME "${name}"
        PREFIX ""
        SUFFIX ".clap"
        LIBRARY_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
        VSTKIT_BUNDLE_DIR "${CMAKE_CURRENT_BINARY_DIR}/${name}.clap")
    vstkit_export_only(${target} "${VSTKIT_FORMAT_CLAP_DIR}/exports/clap.map")
    target_link_options(${target} PRIVATE
        "LINKER:--no-undefined"
        "$<$<CONFIG:Release>:LINKER:--strip-all>")
endfunction()
