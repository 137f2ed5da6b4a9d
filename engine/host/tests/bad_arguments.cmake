# Bad arguments and unloadable bundles: one line on stderr, exit code 2,
# never a crash. Run with -DHOST=path/to/vstkit-host.
set(cases
    "info"
    "info /nonexistent.vst3"
    "info /tmp"
    "frobnicate x"
    "render /nonexistent.vst3 --in a.wav"
    "test /nonexistent.vst3 --bogus"
    "test /nonexistent.vst3 --skip audio"
    "test /nonexistent.vst3 --drag-height 0.7"
    "test /nonexistent.vst3 --drag-parameter Gain --drag-height 2"
    "test /nonexistent.vst3 --await-drag 5"
    "test /nonexistent.vst3 --drag-parameter Gain --await-drag 5"
    "test /nonexistent.vst3 --isolated-check state"
    "render /nonexistent.vst3 --block"
    "render /nonexistent.vst3 --in --out x.wav")
foreach(case IN LISTS cases)
    separate_arguments(arguments UNIX_COMMAND "${case}")
    execute_process(COMMAND "${HOST}" ${arguments}
        RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(STRIP "${err}" err)
    string(FIND "${err}" "\n" newline)
    if(NOT code EQUAL 2 OR NOT err MATCHES "^vstkit-host: " OR NOT newline EQUAL -1)
        message(FATAL_ERROR "'vstkit-host ${case}': exit ${code}, stderr '${err}' (want exit 2 and one line)")
    endif()
    message(STATUS "vstkit-host ${case} -> ${err}")
endforeach()
