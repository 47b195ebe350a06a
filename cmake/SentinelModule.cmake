# SPDX-License-Identifier: GPL-3.0-or-later
# One static library per core/ module (DESIGN.md, docs/adr/0100-module-boundaries.md):
#
#   sentinel_add_module(<name> [DEPENDS <module>...] [QT <component>...] SOURCES <files>...)
#
# creates `sentinel_<name>` from the module folder's sources, linked PUBLIC to the modules it
# builds on (named without the prefix) and to the Qt components it uses itself. A module may
# only depend on modules listed before it in SENTINEL_MODULE_ORDER; a DEPENDS that climbs the
# order is a configure error, and tests/architecture checks every #include against the same order.
set(SENTINEL_MODULE_ORDER
    common net storage config market brokers providers cache risk advisor strategy trading notify journal report
    telemetry engine control
    CACHE INTERNAL "core modules, lowest first")

function(sentinel_add_module name)
    cmake_parse_arguments(ARG "" "" "DEPENDS;QT;SOURCES" ${ARGN})
    list(FIND SENTINEL_MODULE_ORDER ${name} own)
    if(own EQUAL -1)
        message(FATAL_ERROR "core/${name}: not in SENTINEL_MODULE_ORDER (cmake/SentinelModule.cmake)")
    endif()
    add_library(sentinel_${name} STATIC ${ARG_SOURCES})
    target_link_libraries(sentinel_${name} PUBLIC sentinel_options Qt6::Core spdlog::spdlog fmt::fmt)
    foreach(dependency IN LISTS ARG_DEPENDS)
        list(FIND SENTINEL_MODULE_ORDER ${dependency} theirs)
        if(theirs EQUAL -1 OR NOT theirs LESS own)
            message(FATAL_ERROR "core/${name} may not depend on '${dependency}': a module builds only on "
                                "the modules before it in SENTINEL_MODULE_ORDER")
        endif()
        target_link_libraries(sentinel_${name} PUBLIC sentinel_${dependency})
    endforeach()
    foreach(component IN LISTS ARG_QT)
        target_link_libraries(sentinel_${name} PUBLIC Qt6::${component})
    endforeach()
    target_include_directories(sentinel_${name} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_compile_definitions(sentinel_${name} PUBLIC SENTINEL_VERSION="${PROJECT_VERSION}")
    # Fuzz builds instrument the libraries for coverage and sanitizers; the fuzz targets add the
    # libFuzzer main themselves (tests/fuzz).
    if(SENTINEL_BUILD_FUZZERS)
        target_compile_options(sentinel_${name} PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
        target_link_options(sentinel_${name} INTERFACE -fsanitize=address,undefined)
    endif()
endfunction()
