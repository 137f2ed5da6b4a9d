# What differs between the platforms a plugin's binaries are built for, said
# once for every CMake function of the kit (in its tree and installed).

include_guard(GLOBAL)

# vstkit_vst3_platform_folder(OUT_VAR): the folder in a .vst3 bundle's
# Contents/ that holds the module for the platform being built for, as the
# VST3 bundle format names it: x86_64-linux on Linux (the processor's name
# then "-linux"), x86_64-win on 64-bit x86 Windows.
function(vstkit_vst3_platform_folder out_var)
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        set(folder "${CMAKE_SYSTEM_PROCESSOR}-linux")
    elseif(CMAKE_SYSTEM_NAME STREQUAL "Windows")
        # Windows names 64-bit x86 AMD64; the bundle format says x86_64.
        string(TOUPPER "${CMAKE_SYSTEM_PROCESSOR}" processor)
        if(NOT processor MATCHES "^(AMD64|X86_64)$")
            message(FATAL_ERROR "vstkit_vst3_platform_folder: no VST3 bundle folder for "
                "Windows on ${CMAKE_SYSTEM_PROCESSOR}; only x86_64 is supported")
        endif()
        set(folder "x86_64-win")
    else()
        message(FATAL_ERROR "vstkit_vst3_platform_folder: VST3 bundles for "
            "${CMAKE_SYSTEM_NAME} are not supported; Linux and Windows are")
    endif()
    set(${out_var} "${folder}" PARENT_SCOPE)
endfunction()

# vstkit_export_only(TARGET MAP_FILE): TARGET, a plugin binary, exports only
# the entry points MAP_FILE (a GNU version script) lists; every other symbol,
# the kit's and the libraries' it links, stays local. On Linux the linker
# applies the script. On Windows the module definition file beside it (the
# same name, ending .def) lists the exports instead: a DLL with a .def file
# exports what it lists and nothing marked elsewhere.
function(vstkit_export_only target map_file)
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        target_link_options(${target} PRIVATE "LINKER:--version-script=${map_file}")
    elseif(CMAKE_SYSTEM_NAME STREQUAL "Windows")
        string(REGEX REPLACE "\\.map$" ".def" def_file "${map_file}")
        if(NOT EXISTS "${def_file}")
            message(FATAL_ERROR "vstkit_export_only(${target}): no ${def_file} beside ${map_file}")
        endif()
        target_sources(${target} PRIVATE "${def_file}")
    else()
        message(FATAL_ERROR "vstkit_export_only(${target}): exports are limited on Linux and "
            "Windows, not on ${CMAKE_SYSTEM_NAME}")
    endif()
endfunction()
