# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when an #include crosses a module boundary the wrong way (docs/adr/0100):
#  - a core module includes a module after it in SENTINEL_MODULE_ORDER (an upward include);
#  - ui/ includes anything of core/engine except the snapshots and the narrow engine interface;
#  - core/ includes a Qt GUI header.
# Run: cmake -DSOURCE_DIR=<repo> -DMODULE_ORDER="common;storage;..." -P check_includes.cmake
if(NOT SOURCE_DIR OR NOT MODULE_ORDER)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repo> -DMODULE_ORDER=<list> -P check_includes.cmake")
endif()

set(violations "")
set(checked 0)

file(GLOB_RECURSE core_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp")
foreach(file IN LISTS core_files)
    string(REGEX MATCH "^core/([a-z]+)/" _ "${file}")
    set(module "${CMAKE_MATCH_1}")
    list(FIND MODULE_ORDER "${module}" own)
    if(own EQUAL -1)
        list(APPEND violations "${file}: folder core/${module} is not a module in SENTINEL_MODULE_ORDER")
        continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        math(EXPR checked "${checked} + 1")
        if(line MATCHES "#[ \t]*include[ \t]+\"([a-z]+)/")
            list(FIND MODULE_ORDER "${CMAKE_MATCH_1}" theirs)
            if(theirs GREATER own)
                list(APPEND violations "${file}: '${line}' climbs from ${module} up to ${CMAKE_MATCH_1}")
            endif()
        endif()
        if(line MATCHES "#[ \t]*include[ \t]+<(QtGui|QtWidgets|QtCharts|QWidget|QApplication|QGuiApplication|QPainter|QColor|QChart)")
            list(APPEND violations "${file}: '${line}': core never sees the GUI")
        endif()
    endforeach()
endforeach()

file(GLOB_RECURSE ui_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
foreach(file IN LISTS ui_files)
    file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]+\"engine/")
    foreach(line IN LISTS lines)
        math(EXPR checked "${checked} + 1")
        if(NOT line MATCHES "\"engine/(Snapshots|EngineInterface)\\.h\"")
            list(APPEND violations "${file}: '${line}': ui sees engine/Snapshots.h and engine/EngineInterface.h only")
        endif()
    endforeach()
endforeach()

list(LENGTH violations count)
if(count GREATER 0)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "${count} include(s) cross a module boundary:\n  ${text}")
endif()
message(STATUS "module boundaries hold: ${checked} includes checked")
