# Script mode (cmake -P) for CTest: the same check as at configure time, so a
# forbidden include added after configuring still fails the test run.
include("${CMAKE_CURRENT_LIST_DIR}/VstkitLayering.cmake")
string(REPLACE "," ";" layers "${VSTKIT_LAYERS}")
vstkit_find_framework_includes(offenders ${layers})
if(offenders)
    string(REPLACE ";" "\n  " listing "${offenders}")
    message(FATAL_ERROR "framework-free layers include a framework, a format API or the plugin layer:\n  ${listing}")
endif()
list(LENGTH layers count)
message(STATUS "checked ${count} layers: no framework includes")
