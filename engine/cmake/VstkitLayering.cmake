# Fails the configure step when a framework-free layer includes JUCE, a
# plugin format's API (VST3, LV2, RtAudio) or the plugin layer. The targets do
# not link those, so such an include could not compile either; this check
# names the file and the rule instead.
set(VSTKIT_FORBIDDEN_INCLUDE_REGEX
    "#[ \t]*include[ \t]*[<\"](juce_[^>\"]*|JuceHeader\\.h|vstkit/plugin/[^>\"]*|pluginterfaces/[^>\"]*|lv2/[^>\"]*|RtAudio\\.h|rtaudio/[^>\"]*)[>\"]")

function(vstkit_find_framework_includes out_var)
    set(offenders "")
    foreach(layer IN LISTS ARGN)
        file(GLOB_RECURSE layer_files
            "${VSTKIT_LAYER_ROOT}/${layer}/*.h" "${VSTKIT_LAYER_ROOT}/${layer}/*.cpp")
        foreach(source IN LISTS layer_files)
            file(STRINGS "${source}" hits REGEX "${VSTKIT_FORBIDDEN_INCLUDE_REGEX}")
            if(hits)
                list(APPEND offenders "${source}: ${hits}")
            endif()
        endforeach()
    endforeach()
    set(${out_var} "${offenders}" PARENT_SCOPE)
endfunction()

function(vstkit_forbid_framework_includes)
    set(VSTKIT_LAYER_ROOT "${CMAKE_CURRENT_SOURCE_DIR}")
    vstkit_find_framework_includes(offenders ${ARGN})
    if(offenders)
        string(REPLACE ";" "\n  " listing "${offenders}")
        message(FATAL_ERROR "framework-free layers include a framework, a format API or the plugin layer:\n  ${listing}")
    endif()
    if(VSTKIT_BUILD_TESTS)
        string(REPLACE ";" "," layer_list "${ARGN}")
        add_test(NAME layering.framework_free_layers
            COMMAND "${CMAKE_COMMAND}" -DVSTKIT_LAYER_ROOT=${CMAKE_CURRENT_SOURCE_DIR}
                    -DVSTKIT_LAYERS=${layer_list}
                    -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/CheckLayering.cmake")
    endif()
endfunction()
