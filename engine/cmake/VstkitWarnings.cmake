# One INTERFACE target carries the project's warning policy. Only our own
# targets link it, so third-party headers (JUCE, VST3 SDK, GoogleTest) are not
# held to -Werror.
add_library(vstkit_warnings INTERFACE)
add_library(vstkit::warnings ALIAS vstkit_warnings)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(vstkit_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
        -Werror)
elseif(MSVC)
    target_compile_options(vstkit_warnings INTERFACE /W4 /WX /permissive-)
endif()
