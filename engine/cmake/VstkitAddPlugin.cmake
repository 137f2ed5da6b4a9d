# vstkit_add_plugin(NAME
#     BUNDLE_NAME <file name of the bundles and the app, e.g. VstKit>
#     TYPE <the C++ type plugin.h declares, e.g. vstkit_gain::Plugin>
#     [SOURCES <the processor's .cpp files>...]
#     [INCLUDE_DIRS <folders plugin.h includes from, besides its own>...]
#     [DRAG_PARAMETER <a parameter the conformance run drags in the editor>
#      DRAG_HEIGHT <where its slider is, as a fraction of the editor height>]
#     [DEMO <a sox synth signal, e.g. "sine 1000"> [<parameter>=<value>...]]
#     [WEB_UI <a folder with the editor's page (package.json, Vite)>
#      [WEB_UI_SIZE <width> <height>]])
#
# Makes a plugin from the one header plugin.h in the calling folder:
#   vstkit_NAME_plugin      a static library: the processor's sources and the
#                           generated file holding VSTKIT_PLUGIN(TYPE)
#   vstkit_NAME_vst3        BUNDLE_NAME.vst3
#   vstkit_NAME_lv2         BUNDLE_NAME.lv2 (plugin, editor and generated TTL)
#   vstkit_NAME_standalone  the app BUNDLE_NAME
#   vstkit_NAME_clap        BUNDLE_NAME.clap
#   vstkit_NAME_bare_bench  (benchmark builds of the kit) the processor alone,
#                           timed as ./vstkit bench times the formats
# and, with tests on, the kit's generic checks of every plugin: the
# conformance suite on the VST3 (NAME.conformance) and on the CLAP
# (NAME.clap.conformance), Qtractor's scan of the CLAP
# (NAME.clap.qtractor_scan), and lv2_validate (NAME.lv2.validate).
# Tests are on when VSTKIT_BUILD_TESTS is (the kit's own tree), else when
# BUILD_TESTING is (a plugin project on an installed kit).
# The fuzz build makes only vstkit_NAME_state_fuzzer, its table's state fuzzer.
# Every plugin is also listed for vstkit_write_plugin_manifest(); DEMO is what
# `./vstkit bundle` renders through it to show it works: 2 s of the signal
# at -9 dBFS, with the parameters set.
# WEB_UI gives the plugin its own editor, a web page (see VstkitWebUi.cmake),
# designed at WEB_UI_SIZE CSS pixels (default 480 x 300); the kit's helper
# process (vstkit-webview) that shows it is placed beside every binary.
include("${CMAKE_CURRENT_LIST_DIR}/VstkitVst3Module.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/VstkitLv2Bundle.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/VstkitStandaloneApp.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/VstkitClapModule.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/VstkitWebUi.cmake")

function(vstkit_add_plugin name)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "" "BUNDLE_NAME;TYPE;DRAG_PARAMETER;DRAG_HEIGHT;WEB_UI"
        "SOURCES;INCLUDE_DIRS;DEMO;WEB_UI_SIZE")
    if(NOT ARG_BUNDLE_NAME OR NOT ARG_TYPE)
        message(FATAL_ERROR "vstkit_add_plugin(${name}) needs BUNDLE_NAME and TYPE")
    endif()
    if(NOT EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/plugin.h")
        message(FATAL_ERROR "vstkit_add_plugin(${name}): no plugin.h in ${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    get_property(listed GLOBAL PROPERTY VSTKIT_PLUGIN_NAMES)
    if(name IN_LIST listed)
        message(FATAL_ERROR "vstkit_add_plugin(${name}): a plugin named ${name} already exists; "
            "each plugin folder needs its own NAME")
    endif()
    set_property(GLOBAL APPEND PROPERTY VSTKIT_PLUGIN_NAMES ${name})
    # name, bundle, build folder (relative), demo signal, demo settings.
    list(POP_FRONT ARG_DEMO demo_signal)
    list(JOIN ARG_DEMO " " demo_settings)
    file(RELATIVE_PATH build_folder "${CMAKE_BINARY_DIR}" "${CMAKE_CURRENT_BINARY_DIR}")
    set(web_ui_folder "")
    if(ARG_WEB_UI)
        get_filename_component(web_ui_folder "${ARG_WEB_UI}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    set_property(GLOBAL APPEND PROPERTY VSTKIT_PLUGIN_MANIFEST
        "${name}\t${ARG_BUNDLE_NAME}\t${build_folder}\t${demo_signal}\t${demo_settings}\t${web_ui_folder}\t${CMAKE_CURRENT_SOURCE_DIR}")

    list(TRANSFORM ARG_INCLUDE_DIRS PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/")
    if(VSTKIT_BUILD_FUZZERS)
        vstkit_add_plugin_state_fuzzer(${name} ${ARG_TYPE} ${ARG_INCLUDE_DIRS})
    endif()
    # The kit's own tree builds the formats only with VSTKIT_BUILD_PLUGIN; an
    # installed kit always has them, once find_package(VstKit) ran.
    if(NOT TARGET vstkit::format_vst3)
        if(DEFINED VSTKIT_BUILD_PLUGIN)
            return()
        endif()
        message(FATAL_ERROR "vstkit_add_plugin(${name}): no VstKit targets here; "
            "call find_package(VstKit CONFIG REQUIRED) in this folder or a parent first")
    endif()
    if(DEFINED VSTKIT_BUILD_TESTS)
        set(with_tests ${VSTKIT_BUILD_TESTS})
    else()
        set(with_tests ${BUILD_TESTING})
    endif()

    set(web_ui_source "")
    set(plugin_macro "VSTKIT_PLUGIN(${ARG_TYPE})")
    set(web_ui_declaration "")
    # Windows has no web view here yet: a plugin with a page shows the
    # generic editor there, and only its VST3 module is built.
    set(windows OFF)
    if(CMAKE_SYSTEM_NAME STREQUAL "Windows")
        set(windows ON)
    endif()
    if(ARG_WEB_UI AND NOT windows)
        if(NOT ARG_WEB_UI_SIZE)
            set(ARG_WEB_UI_SIZE 480 300)
        endif()
        list(LENGTH ARG_WEB_UI_SIZE size_count)
        if(NOT size_count EQUAL 2)
            message(FATAL_ERROR "vstkit_add_plugin(${name}): WEB_UI_SIZE takes a width and a height")
        endif()
        list(GET ARG_WEB_UI_SIZE 0 web_width)
        list(GET ARG_WEB_UI_SIZE 1 web_height)
        vstkit_add_web_ui(${name} "${ARG_WEB_UI}" ${web_width} ${web_height} web_ui_source
            TYPE ${ARG_TYPE} INCLUDE_DIRS ${ARG_INCLUDE_DIRS})
        set(plugin_macro "VSTKIT_PLUGIN_WITH_WEB_UI(${ARG_TYPE}, vstkit_${name}_web_ui)")
        set(web_ui_declaration "extern const vstkit::core::WebUi vstkit_${name}_web_ui;")
    endif()

    set(definition "${CMAKE_CURRENT_BINARY_DIR}/vstkit_${name}_definition.cpp")
    file(CONFIGURE OUTPUT "${definition}" CONTENT [[
// Written by vstkit_add_plugin(): the one definition of the plugin this
// binary is built for. Edit plugin.h, not this file.
#include "plugin.h"
#include "vstkit/protocol/param_ids.h"

static_assert(vstkit::protocol::paramIdsAreUnique(@ARG_TYPE@::parameters),
              "two rows of the table have the same parameter id: rename a stable id");
static_assert(!@ARG_TYPE@::identity.clapId.empty(),
              "the identity has no clapId: give it a reverse-domain id, e.g. com.example.name");

@web_ui_declaration@
@plugin_macro@
]] @ONLY)

    set(library vstkit_${name}_plugin)
    add_library(${library} STATIC ${ARG_SOURCES} "${definition}" ${web_ui_source})
    if(ARG_WEB_UI AND NOT windows)
        add_dependencies(${library} vstkit_${name}_web_page)
    endif()
    target_include_directories(${library} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}" ${ARG_INCLUDE_DIRS})
    target_link_libraries(${library} PUBLIC vstkit::core PRIVATE vstkit::warnings)

    vstkit_add_vst3_module(vstkit_${name}_vst3 ${ARG_BUNDLE_NAME} ${library})
    if(windows)
        return()
    endif()
    vstkit_add_lv2_bundle(vstkit_${name}_lv2 ${ARG_BUNDLE_NAME} ${library})
    vstkit_add_standalone(vstkit_${name}_standalone ${ARG_BUNDLE_NAME} ${library})
    vstkit_add_clap_module(vstkit_${name}_clap ${ARG_BUNDLE_NAME} ${library})
    if(ARG_WEB_UI)
        # The page's helper process goes beside each binary, where the editor
        # looks; copied on every build, so a rebuilt helper always lands.
        set(copies "")
        foreach(format IN ITEMS vst3 lv2 standalone clap)
            set(dir "$<TARGET_FILE_DIR:vstkit_${name}_${format}>")
            list(APPEND copies COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
                COMMAND "${CMAKE_COMMAND}" -E copy_if_different
                        $<TARGET_FILE:vstkit::webview_helper> "${dir}/vstkit-webview")
        endforeach()
        add_custom_target(vstkit_${name}_webview_helper ${copies} VERBATIM)
        get_target_property(helper_target vstkit::webview_helper ALIASED_TARGET)
        if(helper_target)
            add_dependencies(vstkit_${name}_webview_helper ${helper_target})
        endif()
        foreach(format IN ITEMS vst3 lv2 standalone clap)
            add_dependencies(vstkit_${name}_${format} vstkit_${name}_webview_helper)
        endforeach()
    endif()
    # ./vstkit bench's floor: the plugin's processor called with no format.
    if(VSTKIT_BUILD_BENCHMARKS AND TARGET vstkit::bench_timing)
        add_executable(vstkit_${name}_bare_bench
            "${VSTKIT_ENGINE_DIR}/bench/bare_processor/bare_processor_bench.cpp")
        target_compile_definitions(vstkit_${name}_bare_bench PRIVATE
            VSTKIT_BENCH_PLUGIN_TYPE=${ARG_TYPE} VSTKIT_BENCH_PLUGIN_NAME="${name}")
        target_link_libraries(vstkit_${name}_bare_bench PRIVATE
            ${library} vstkit::bench_timing vstkit::warnings)
    endif()

    if(with_tests AND TARGET vstkit::host)
        find_program(VSTKIT_XVFB_RUN xvfb-run REQUIRED)
        set(skips "")
        if(VSTKIT_ASSERT_PROCESS_ALLOCS)
            # A guarded plugin's own interposers are local to it, so the host
            # cannot count its calls; its guard aborts on any instead.
            set(skips --skip realtime)
        endif()
        set(drag "")
        if(ARG_DRAG_PARAMETER)
            set(drag --drag-parameter ${ARG_DRAG_PARAMETER} --drag-height ${ARG_DRAG_HEIGHT})
        endif()
        add_test(NAME ${name}.conformance
            COMMAND ${VSTKIT_XVFB_RUN} -a -s "-screen 0 1280x800x24"
                    $<TARGET_FILE:vstkit::host> test $<TARGET_PROPERTY:vstkit_${name}_vst3,VSTKIT_BUNDLE_DIR>
                    --output ${CMAKE_CURRENT_BINARY_DIR}/conformance ${drag} ${skips}
                    --expect-silence-flags)
        set_tests_properties(${name}.conformance PROPERTIES TIMEOUT 600)
        # The CLAP checks that apply, on NAME.clap.
        add_test(NAME ${name}.clap.conformance
            COMMAND ${VSTKIT_XVFB_RUN} -a -s "-screen 0 1280x800x24"
                    $<TARGET_FILE:vstkit::host> test $<TARGET_PROPERTY:vstkit_${name}_clap,VSTKIT_BUNDLE_DIR>
                    --output ${CMAKE_CURRENT_BINARY_DIR}/clap-conformance ${drag} ${skips})
        set_tests_properties(${name}.clap.conformance PROPERTIES TIMEOUT 600)
        # Qtractor's scanner, built on the official CLAP headers, reads it.
        add_test(NAME ${name}.clap.qtractor_scan
            COMMAND bash "${VSTKIT_FORMAT_CLAP_DIR}/tests/qtractor_scan_test.sh"
                    $<TARGET_FILE:vstkit::host> $<TARGET_PROPERTY:vstkit_${name}_clap,VSTKIT_BUNDLE_DIR>)
    endif()
    # The page in Chromium against the real engine (the browser dev mode):
    # its Playwright tests, when the page has them.
    if(with_tests AND ARG_WEB_UI AND EXISTS "${web_ui_folder}/playwright.config.ts")
        find_program(VSTKIT_NPX npx REQUIRED)
        add_test(NAME ${name}.web.dev
            COMMAND "${VSTKIT_NPX}" --no-install playwright test
            WORKING_DIRECTORY "${web_ui_folder}")
        set_tests_properties(${name}.web.dev PROPERTIES TIMEOUT 900 ENVIRONMENT
            "VSTKIT_ENGINE=$<TARGET_FILE:vstkit_${name}_standalone>;VSTKIT_E2E_SCRATCH=${CMAKE_CURRENT_BINARY_DIR}/e2e;PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1")
    endif()
    if(with_tests)
        add_test(NAME ${name}.lv2.validate
            COMMAND bash "${VSTKIT_FORMAT_LV2_DIR}/tests/validate_bundle.sh"
                    $<TARGET_PROPERTY:vstkit_${name}_lv2,VSTKIT_BUNDLE_DIR>)
    endif()
endfunction()

# vstkit_write_plugin_manifest(FILE)
#
# Writes every plugin vstkit_add_plugin() made so far, one per line, tab
# separated: name, bundle name, build folder relative to the top build
# folder, demo signal, demo settings ("name=value" separated by spaces), the
# web page's folder (empty without one) and the plugin's source folder.
function(vstkit_write_plugin_manifest file)
    get_property(lines GLOBAL PROPERTY VSTKIT_PLUGIN_MANIFEST)
    list(JOIN lines "\n" content)
    file(CONFIGURE OUTPUT "${file}" CONTENT "${content}\n" @ONLY)
endfunction()
