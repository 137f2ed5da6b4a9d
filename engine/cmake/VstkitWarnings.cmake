# One INTERFACE target carries the project's warning policy. Only our own
# targets link it, so third-party headers (JUCE, VST3 SDK, GoogleTest) are not
# held to -Werror.
add_library(vstkit_warnings INTERFACE)
vstkit_kit_target(vstkit_warnings warnings)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(vstkit_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
        -Werror)
elseif(MSVC)
    target_compile_options(vstkit_warnings INTERFACE /W4 /WX /permissive-)
endif()

# For targets that also compile third-party sources (JUCE modules compile
# into the plugin target): the same policy, on the listed files only.
function(vstkit_apply_warnings_to_sources)
    get_target_property(options vstkit_warnings INTERFACE_COMPILE_OPTIONS)
    set_property(SOURCE ${ARGN} DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" APPEND PROPERTY COMPILE_OPTIONS ${options})
endfunction()
