# vstkit_add_vst3_module(TARGET NAME PLUGIN_LIBRARY): a NAME.vst3 bundle from
# the format layer and the plugin's library (its processor and the one file
# with VSTKIT_PLUGIN, see vstkit_add_plugin). The entry points are compiled
# into the module itself, so the linker always keeps them.
#
# VSTKIT_FORMAT_VST3_DIR holds the entry source, its private headers and the
# export map: engine/formats/vst3 in the kit's tree, share/vstkit/formats/vst3
# in an installed kit.
include("${CMAKE_CURRENT_LIST_DIR}/VstkitPlatform.cmake")

function(vstkit_add_vst3_module target name plugin_library)
    add_library(${target} MODULE "${VSTKIT_FORMAT_VST3_DIR}/src/plugin_factory.cpp")
    target_link_libraries(${target} PRIVATE vstkit::format_vst3 ${plugin_library} vstkit::warnings)
    target_include_directories(${target} PRIVATE "${VSTKIT_FORMAT_VST3_DIR}/src")
    set(bundle "${CMAKE_CURRENT_BINARY_DIR}/${name}.vst3")
    vstkit_vst3_platform_folder(platform_folder)
    # Linux modules end .so; on Windows the module itself ends .vst3.
    set(suffix ".so")
    if(CMAKE_SYSTEM_NAME STREQUAL "Windows")
        set(suffix ".vst3")
    endif()
    set_target_properties(${target} PROPERTIES
        OUTPUT_NAME "${name}"
        PREFIX ""
        SUFFIX "${suffix}"
        LIBRARY_OUTPUT_DIRECTORY "${bundle}/Contents/${platform_folder}"
        VSTKIT_BUNDLE_DIR "${bundle}")
    vstkit_export_only(${target} "${VSTKIT_FORMAT_VST3_DIR}/exports/vst3.map")
    target_link_options(${target} PRIVATE
        "LINKER:--no-undefined"
        # Shipped modules carry no symbol table; debug builds keep theirs.
        "$<$<CONFIG:Release>:LINKER:--strip-all>")
endfunction()
