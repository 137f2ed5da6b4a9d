# vstkit_kit_target(TARGET EXPORT_NAME [HEADERS DIR]): marks a library or
# program as part of the kit, offered as vstkit::EXPORT_NAME both here (an
# alias) and by an installed kit (find_package(VstKit)), so vstkit_add_plugin()
# and plugin projects name it the same way in both. DIR (relative to the
# calling CMakeLists.txt) holds the library's public headers; they install to
# include/. engine/package installs every target marked this way.
function(vstkit_kit_target target export_name)
    cmake_parse_arguments(PARSE_ARGV 2 ARG "" "HEADERS" "")
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
        add_executable(vstkit::${export_name} ALIAS ${target})
    else()
        add_library(vstkit::${export_name} ALIAS ${target})
    endif()
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
    if(ARG_HEADERS)
        set(scope PUBLIC)
        if(type STREQUAL "INTERFACE_LIBRARY")
            set(scope INTERFACE)
        endif()
        set(headers "${CMAKE_CURRENT_SOURCE_DIR}/${ARG_HEADERS}")
        target_include_directories(${target} ${scope}
            "$<BUILD_INTERFACE:${headers}>" "$<INSTALL_INTERFACE:include>")
        set_property(GLOBAL APPEND PROPERTY VSTKIT_KIT_HEADER_DIRS "${headers}")
    endif()
    set_property(GLOBAL APPEND PROPERTY VSTKIT_KIT_TARGETS ${target})
endfunction()
