# vstkit_add_lv2_bundle(TARGET NAME PLUGIN_LIBRARY): NAME.lv2/ with NAME.so
# (the plugin), NAME_ui.so (the editor), manifest.ttl and NAME.ttl, from the
# format layer and the plugin's library (its processor and the one file with
# VSTKIT_PLUGIN, see vstkit_add_plugin).
#
# VSTKIT_FORMAT_LV2_DIR holds the entry sources, their private headers, the
# TTL tool's source and the export maps: engine/formats/lv2 in the kit's
# tree, share/vstkit/formats/lv2 in an installed kit.
include("${CMAKE_CURRENT_LIST_DIR}/VstkitPlatform.cmake")

function(vstkit_add_lv2_bundle target name plugin_library)
    set(bundle "${CMAKE_CURRENT_BINARY_DIR}/${name}.lv2")
    foreach(part IN ITEMS plugin ui)
        if(part STREQUAL "plugin")
            set(part_target ${target})
            set(output_name "${name}")
            set(entry src/plugin_entry.cpp)
            set(library vstkit::format_lv2)
            set(exports lv2.map)
        else()
            set(part_target ${target}_ui)
            set(output_name "${name}_ui")
            set(entry src/ui_entry.cpp)
            set(library vstkit::format_lv2_ui)
            set(exports lv2ui.map)
        endif()
        add_library(${part_target} MODULE "${VSTKIT_FORMAT_LV2_DIR}/${entry}")
        target_link_libraries(${part_target} PRIVATE ${library} ${plugin_library} vstkit::warnings)
        target_include_directories(${part_target} PRIVATE "${VSTKIT_FORMAT_LV2_DIR}/src")
        set_target_properties(${part_target} PROPERTIES
            OUTPUT_NAME "${output_name}"
            PREFIX ""
            LIBRARY_OUTPUT_DIRECTORY "${bundle}")
        vstkit_export_only(${part_target} "${VSTKIT_FORMAT_LV2_DIR}/exports/${exports}")
        target_link_options(${part_target} PRIVATE
            "LINKER:--no-undefined"
            "$<$<CONFIG:Release>:LINKER:--strip-all>")
    endforeach()
    set_target_properties(${target} PROPERTIES VSTKIT_BUNDLE_DIR "${bundle}")

    add_executable(${target}_write_ttl "${VSTKIT_FORMAT_LV2_DIR}/tools/write_ttl.cpp")
    target_link_libraries(${target}_write_ttl PRIVATE vstkit::lv2_ttl_writer ${plugin_library}
        vstkit::warnings)
    target_include_directories(${target}_write_ttl PRIVATE "${VSTKIT_FORMAT_LV2_DIR}/src")
    add_custom_command(
        OUTPUT "${bundle}/manifest.ttl" "${bundle}/${name}.ttl"
        COMMAND ${target}_write_ttl "${bundle}" "${name}.so" "${name}_ui.so" "${name}.ttl"
        DEPENDS ${target}_write_ttl
        COMMENT "Writing the TTL of ${name}.lv2 from the parameter table")
    add_custom_target(${target}_ttl ALL DEPENDS "${bundle}/manifest.ttl" "${bundle}/${name}.ttl")
    add_dependencies(${target} ${target}_ttl ${target}_ui)
endfunction()
