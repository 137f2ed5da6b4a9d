# vstkit_add_web_ui(NAME FOLDER WIDTH HEIGHT OUT_SOURCE TYPE <plugin type>
#                   [INCLUDE_DIRS <dirs>...])
#
# Builds a plugin's web editor page from FOLDER (a folder with a
# package.json whose `npm run build` runs Vite, writing where
# VSTKIT_WEB_UI_OUT says) and sets OUT_SOURCE to a generated C++ file that
# packs every built file into the plugin binary and defines the plugin's
# core::WebUi (vstkit_NAME_web_ui) at WIDTH x HEIGHT CSS pixels.
#
# Dependencies come from the nearest package-lock.json at or above FOLDER
# (the kit's root workspace, or the plugin's own), installed once with
# `npm ci` whenever the lock file changes. Node 20 and npm must be on PATH.
#
# Before the page is built, FOLDER/src/parameters.generated.ts is written from
# the table of TYPE (plugin.h in the calling folder): the typed parameter ids
# the page's hooks and controls then accept (keep the file out of git).
find_program(VSTKIT_NPM npm)
set(VSTKIT_BUILD_WEB_UI_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/VstkitBuildWebUi.cmake" CACHE INTERNAL "")

function(vstkit_add_web_ui name folder width height out_source)
    cmake_parse_arguments(PARSE_ARGV 5 ARG "" "TYPE" "INCLUDE_DIRS")
    if(NOT VSTKIT_NPM)
        message(FATAL_ERROR "vstkit_add_plugin(${name} WEB_UI ...): npm is not on PATH; "
            "a web editor needs Node.js 20 and npm to build its page")
    endif()
    get_filename_component(folder "${folder}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${folder}/package.json")
        message(FATAL_ERROR "vstkit_add_plugin(${name}): WEB_UI ${folder} has no package.json")
    endif()
    # The npm root: where the lock file is.
    set(npm_root "${folder}")
    while(NOT EXISTS "${npm_root}/package-lock.json")
        get_filename_component(parent "${npm_root}" DIRECTORY)
        if(parent STREQUAL npm_root)
            message(FATAL_ERROR "vstkit_add_plugin(${name}): no package-lock.json at or above "
                "${folder}; run `npm install` there once and commit the lock file")
        endif()
        set(npm_root "${parent}")
    endwhile()

    # One `npm ci` per npm root, shared by every plugin under it.
    string(MD5 root_key "${npm_root}")
    set(install_target vstkit_npm_ci_${root_key})
    if(NOT TARGET ${install_target})
        set(stamp "${CMAKE_BINARY_DIR}/npm-ci-${root_key}.stamp")
        add_custom_command(OUTPUT "${stamp}"
            COMMAND "${CMAKE_COMMAND}" -E env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
                    "${VSTKIT_NPM}" ci --no-audit --no-fund --loglevel=error
            COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
            DEPENDS "${npm_root}/package-lock.json"
            WORKING_DIRECTORY "${npm_root}"
            COMMENT "Installing the web packages (npm ci in ${npm_root})"
            VERBATIM)
        add_custom_target(${install_target} DEPENDS "${stamp}")
    endif()

    # The typed ids, from the table alone (the plugin's library holds the page).
    set(types_tool vstkit_${name}_write_parameter_types)
    add_executable(${types_tool} "${VSTKIT_BRIDGE_TOOLS_DIR}/write_parameter_types.cpp")
    target_compile_definitions(${types_tool} PRIVATE VSTKIT_PLUGIN_TYPE=${ARG_TYPE})
    target_include_directories(${types_tool} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}" ${ARG_INCLUDE_DIRS})
    target_link_libraries(${types_tool} PRIVATE vstkit::bridge vstkit::core vstkit::warnings)
    set(types_module "${folder}/src/parameters.generated.ts")
    set(types_stamp "${CMAKE_CURRENT_BINARY_DIR}/vstkit_${name}_parameter_types.stamp")
    add_custom_command(OUTPUT "${types_stamp}"
        COMMAND ${types_tool} "${types_module}"
        COMMAND "${CMAKE_COMMAND}" -E touch "${types_stamp}"
        DEPENDS ${types_tool} "${CMAKE_CURRENT_SOURCE_DIR}/plugin.h"
        COMMENT "Writing ${name}'s typed parameter ids (src/parameters.generated.ts)"
        VERBATIM)
    add_custom_target(vstkit_${name}_parameter_types DEPENDS "${types_stamp}")

    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/web_ui")
    set(source "${CMAKE_CURRENT_BINARY_DIR}/vstkit_${name}_web_ui.cpp")
    set(page_globs "${folder}/src/*" "${folder}/public/*")
    if(EXISTS "${VSTKIT_ENGINE_DIR}/web/src")
        list(APPEND page_globs "${VSTKIT_ENGINE_DIR}/web/src/*")  # @vstkit/ui in the kit's tree.
    endif()
    file(GLOB_RECURSE page_sources CONFIGURE_DEPENDS ${page_globs})
    list(FILTER page_sources EXCLUDE REGEX "\\.test\\.tsx?$|parameters\\.generated\\.ts$")
    add_custom_command(OUTPUT "${source}"
        COMMAND "${CMAKE_COMMAND}" -DNPM=${VSTKIT_NPM} -DFOLDER=${folder} -DOUT_DIR=${out_dir}
                -DSOURCE=${source} -DNAME=${name} -DWIDTH=${width} -DHEIGHT=${height}
                -P "${VSTKIT_BUILD_WEB_UI_SCRIPT}"
        DEPENDS ${page_sources} "${types_stamp}" "${folder}/package.json" "${folder}/index.html"
                "${npm_root}/package-lock.json" "${VSTKIT_BUILD_WEB_UI_SCRIPT}"
        COMMENT "Building ${name}'s web editor (npm run build in ${folder})"
        VERBATIM)
    add_custom_target(vstkit_${name}_web_page DEPENDS "${source}")
    add_dependencies(vstkit_${name}_web_page ${install_target} vstkit_${name}_parameter_types)
    set(${out_source} "${source}" PARENT_SCOPE)
endfunction()
