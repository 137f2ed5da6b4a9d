# One INTERFACE target carries the project's warning policy. Only our own
# targets link it, so third-party headers (VST3 SDK, GoogleTest) are not held
# to -Werror.
add_library(vstkit_warnings INTERFACE)
vstkit_kit_target(vstkit_warnings warnings)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(vstkit_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
        # Errors in the kit's own tree; a project on an installed kit chooses
        # for itself (its template's WARNINGS_AS_ERRORS), as its compiler may
        # be newer than the one the kit was checked with.
        $<BUILD_INTERFACE:-Werror>)
elseif(MSVC)
    target_compile_options(vstkit_warnings INTERFACE /W4 $<BUILD_INTERFACE:/WX> /permissive-)
endif()
