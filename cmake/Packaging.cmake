# SPDX-License-Identifier: GPL-3.0-or-later
# Install layout of the data files and the CPack configuration.
#   cmake --build build && cpack --config build/CPackConfig.cmake -G DEB   (or TGZ)
# Windows and macOS notes: packaging/README.md.
include(GNUInstallDirs)

set(SENTINEL_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")

if(UNIX AND NOT APPLE AND SENTINEL_BUILD_UI)
    install(FILES "${SENTINEL_PACKAGING_DIR}/linux/trade-sentinel.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${SENTINEL_PACKAGING_DIR}/linux/org.tradesentinel.TradeSentinel.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/sentinel.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME trade-sentinel.svg)
endif()
# What an operator needs next to the binaries: the monitoring files and the user guide pages.
install(DIRECTORY "${SENTINEL_PACKAGING_DIR}/monitoring/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/trade-sentinel/monitoring")
install(FILES "${PROJECT_SOURCE_DIR}/docs/configuration.md" "${PROJECT_SOURCE_DIR}/docs/metrics.md"
              "${PROJECT_SOURCE_DIR}/resources/config/demo.yaml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/trade-sentinel")
# The runbooks the Prometheus rules and the Alerts panel's "What to do" point at. app/gui/main.cpp
# finds them at ../share/doc/trade-sentinel/runbooks from the program (the default DATADIR), and
# in the macOS bundle's Resources, which is all a dragged-out .app carries.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/runbooks/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/trade-sentinel/runbooks"
        FILES_MATCHING PATTERN "*.md")
if(APPLE AND SENTINEL_BUILD_UI)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/runbooks/"
            DESTINATION "trade-sentinel.app/Contents/Resources/runbooks"
            FILES_MATCHING PATTERN "*.md")
endif()

set(CPACK_PACKAGE_NAME "trade-sentinel")
set(CPACK_PACKAGE_VENDOR "Trade Sentinel contributors")
set(CPACK_PACKAGE_CONTACT "Trade Sentinel contributors <maintainers@trade-sentinel.invalid>")   # placeholder
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")   # placeholder until a public home exists
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Watches FX, crypto and stock prices on each market's own schedule, refuses to act on stale data, "
    "gates every trade through a risk check and asks the operator to approve it. Ships the desktop app "
    "trade-sentinel and the command line tool sentinel.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Trade Sentinel")
set(CPACK_PACKAGE_EXECUTABLES "trade-sentinel;Trade Sentinel")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build/;/build-.*/;/\\\\.cache/")

if(NOT CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR "NSIS;ZIP")
    elseif(APPLE)
        set(CPACK_GENERATOR "DragNDrop")
    else()
        set(CPACK_GENERATOR "DEB;TGZ")
    endif()
endif()

# Windows and macOS packages carry the Qt runtime: CPack runs windeployqt or macdeployqt (and
# codesign) on its staging tree before building the installer (packaging/deploy-qt-runtime.cmake).
if((WIN32 OR APPLE) AND TARGET Qt6::qmake)
    get_target_property(_sentinel_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_sentinel_qt_bin "${_sentinel_qmake}" DIRECTORY)
    if(WIN32)
        find_program(SENTINEL_DEPLOY_TOOL windeployqt HINTS "${_sentinel_qt_bin}")
    else()
        find_program(SENTINEL_DEPLOY_TOOL macdeployqt HINTS "${_sentinel_qt_bin}")
    endif()
    if(SENTINEL_DEPLOY_TOOL)
        set(CPACK_SENTINEL_DEPLOY_TOOL "${SENTINEL_DEPLOY_TOOL}")
        set(CPACK_PRE_BUILD_SCRIPTS "${SENTINEL_PACKAGING_DIR}/deploy-qt-runtime.cmake")
    else()
        message(WARNING "windeployqt/macdeployqt not found next to qmake: packages will lack the Qt runtime")
    endif()
endif()

# Windows installer (NSIS 3). The Qt runtime is copied into the staged tree by windeployqt
# before cpack runs (.github/workflows/windows.yml); the Start menu entry comes from
# CPACK_PACKAGE_EXECUTABLES.
set(CPACK_NSIS_PACKAGE_NAME "Trade Sentinel")
set(CPACK_NSIS_DISPLAY_NAME "Trade Sentinel ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\trade-sentinel.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)

# macOS disk image: the .app (with its runbooks) beside an Applications link; macdeployqt has
# put the Qt frameworks into the bundle and the bundle is signed before cpack runs.
set(CPACK_DMG_VOLUME_NAME "Trade Sentinel")
set(CPACK_DMG_FORMAT "UDZO")

# Debian: library dependencies come from dpkg-shlibdeps, so the package names whatever Qt,
# spdlog, fmt, yaml-cpp and hiredis versions it was built against.
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SQLite driver is a Qt plugin that dpkg-shlibdeps cannot see; the keychain backend is optional.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins")

include(CPack)
