# SPDX-License-Identifier: GPL-3.0-or-later
# Copies the Qt runtime into an installed tree so it runs on a machine without Qt: windeployqt
# beside trade-sentinel.exe and sentinel.exe on Windows; macdeployqt into trade-sentinel.app on
# macOS, which is then signed (Developer ID when SENTINEL_CODESIGN_IDENTITY is set in the
# environment, ad hoc otherwise, so the bundle is ready for notarisation or local use).
#
# CPack runs it before building the NSIS installer or the .dmg (CPACK_PRE_BUILD_SCRIPTS, set in
# cmake/Packaging.cmake), on its staging directory. By hand, on an installed prefix:
#   cmake -DSTAGE_DIR=<prefix> -DDEPLOY_TOOL=<path of windeployqt or macdeployqt> -P deploy-qt-runtime.cmake
cmake_minimum_required(VERSION 3.21)
if(NOT STAGE_DIR)
    set(STAGE_DIR "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
if(NOT DEPLOY_TOOL)
    set(DEPLOY_TOOL "${CPACK_SENTINEL_DEPLOY_TOOL}")
endif()
if(NOT STAGE_DIR OR NOT DEPLOY_TOOL)
    message(FATAL_ERROR "usage: cmake -DSTAGE_DIR=<prefix> -DDEPLOY_TOOL=<windeployqt|macdeployqt> -P deploy-qt-runtime.cmake")
endif()

if(DEPLOY_TOOL MATCHES "windeployqt")
    file(GLOB_RECURSE programs "${STAGE_DIR}/*.exe")
    list(FILTER programs INCLUDE REGEX "/(trade-)?sentinel\\.exe$")
    if(NOT programs)
        message(FATAL_ERROR "no trade-sentinel.exe or sentinel.exe below ${STAGE_DIR}")
    endif()
    foreach(program IN LISTS programs)
        # --compiler-runtime ships the MSVC runtime DLLs, so no separate redistributable is needed.
        execute_process(COMMAND "${DEPLOY_TOOL}" --release --compiler-runtime "${program}" COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
elseif(DEPLOY_TOOL MATCHES "macdeployqt")
    file(GLOB_RECURSE plists "${STAGE_DIR}/*trade-sentinel.app/Contents/Info.plist")
    if(NOT plists)
        message(FATAL_ERROR "no trade-sentinel.app below ${STAGE_DIR}")
    endif()
    list(GET plists 0 plist)
    get_filename_component(contents "${plist}" DIRECTORY)
    get_filename_component(bundle "${contents}" DIRECTORY)
    execute_process(COMMAND "${DEPLOY_TOOL}" "${bundle}" -verbose=1 COMMAND_ERROR_IS_FATAL ANY)
    # macdeployqt rewrites the binaries it copies, so the bundle is signed after it, as a whole.
    set(identity "-")
    set(hardening "")
    if(DEFINED ENV{SENTINEL_CODESIGN_IDENTITY} AND NOT "$ENV{SENTINEL_CODESIGN_IDENTITY}" STREQUAL "")
        set(identity "$ENV{SENTINEL_CODESIGN_IDENTITY}")
        set(hardening --options runtime --timestamp)
    endif()
    execute_process(COMMAND codesign --force --deep ${hardening} --sign "${identity}" "${bundle}" COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND codesign --verify --deep --strict "${bundle}" COMMAND_ERROR_IS_FATAL ANY)
else()
    message(FATAL_ERROR "DEPLOY_TOOL must be windeployqt or macdeployqt, got ${DEPLOY_TOOL}")
endif()
