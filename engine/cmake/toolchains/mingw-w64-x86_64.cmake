# Cross-building for 64-bit Windows with Debian's MinGW-w64 (GCC 12, the
# "posix" flavour, whose libstdc++ has std::thread). Used by the windows
# preset, and by a plugin project's ./plugin bundle on an installed kit.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(VSTKIT_MINGW_TRIPLE x86_64-w64-mingw32)
# An installed kit keeps its Windows libraries and CMake package in
# lib/x86_64-w64-mingw32 beside the Linux ones in the same prefix;
# find_package looks in lib/<this> first.
set(CMAKE_LIBRARY_ARCHITECTURE ${VSTKIT_MINGW_TRIPLE})
set(CMAKE_C_COMPILER ${VSTKIT_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${VSTKIT_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${VSTKIT_MINGW_TRIPLE}-windres)

# Headers and libraries come from the MinGW sysroot and from the install
# prefix (an installed kit's Windows libraries); programs from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${VSTKIT_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# Every binary carries its own C++ runtime, libgcc and winpthread: a plugin
# DLL imports Windows' own DLLs only (only a full -static drops
# libwinpthread-1.dll).
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-static")
