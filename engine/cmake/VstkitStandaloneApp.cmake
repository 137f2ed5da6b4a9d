# vstkit_add_standalone(TARGET NAME PLUGIN_LIBRARY): the app NAME from the
# format layer, its main() and the plugin's library (its processor and the
# one file with VSTKIT_PLUGIN, see vstkit_add_plugin).
#
# VSTKIT_FORMAT_STANDALONE_DIR holds main.cpp: engine/formats/standalone in
# the kit's tree, share/vstkit/formats/standalone in an installed kit.
function(vstkit_add_standalone target name plugin_library)
    add_executable(${target} "${VSTKIT_FORMAT_STANDALONE_DIR}/src/main.cpp")
    target_link_libraries(${target} PRIVATE vstkit::format_standalone ${plugin_library}
        vstkit::warnings)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME "${name}")
    # Shipped binaries carry no symbol table; debug builds keep theirs.
    target_link_options(${target} PRIVATE "$<$<CONFIG:Release>:LINKER:--strip-all>")
endfunction()
