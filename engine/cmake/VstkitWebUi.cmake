# vstkit_add_web_ui(NAME FOLDER WIDTH HEIGHT OUT_SOURCE)
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
find_program(VSTKIT_NPM npm)
set(VSTKIT_BUILD_WEB_UI_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/VstkitBuildWebUi.cmake" CACHE INTERNAL "")

function(vstkit_add_web_ui name folder width height out_source)
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
            COMMAND "${VSTKIT_NPM}" ci --no-audit --no-fund --loglevel=error
            COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
            DEPENDS "${npm_root}/package-lock.json"
            WORKING_DIRECTORY "${npm_root}"
            COMMENT "Installing the web packages (npm ci in ${npm_root})"
            VERBATIM)
        add_custom_target(${install_target} DEPENDS "${stamp}")
    endif()

    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/web_ui")
    set(source "${CMAKE_CURRENT_BINARY_DIR}/vstkit_${name}_web_ui.cpp")
    set(page_globs "${folder}/src/*" "${folder}/public/*")
    if(EXISTS "${VSTKIT_ENGINE_DIR}/web/src")
        list(APPEND page_globs "${VSTKIT_ENGINE_DIR}/web/src/*")  # @vstkit/ui in the kit's tree.
    endif()
    file(GLOB_RECURSE page_sources CONFIGURE_DEPENDS ${page_globs})
    list(FILTER page_sources EXCLUDE REGEX "\\.test\\.tsx?$")
    add_custom_command(OUTPUT "${source}"
        COMMAND "${CMAKE_COMMAND}" -DNPM=${VSTKIT_NPM} -DFOLDER=${folder} -DOUT_DIR=${out_dir}
                -DSOURCE=${source} -DNAME=${name} -DWIDTH=${width} -DHEIGHT=${height}
                -P "${VSTKIT_BUILD_WEB_UI_SCRIPT}"
        DEPENDS ${page_sources} "${folder}/package.json" "${folder}/index.html"
                "${npm_root}/package-lock.json" "${VSTKIT_BUILD_WEB_UI_SCRIPT}"
        COMMENT "Building ${name}'s web editor (npm run build in ${folder})"
        VERBATIM)
    add_custom_target(vstkit_${name}_web_page DEPENDS "${source}")
    add_dependencies(vstkit_${name}_web_page ${install_target})
    set(${out_source} "${source}" PARENT_SCOPE)
endfunction()
