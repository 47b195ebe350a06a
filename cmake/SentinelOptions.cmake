# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language level, warnings and Qt hygiene for every target.
add_library(sentinel_options INTERFACE)
target_compile_features(sentinel_options INTERFACE cxx_std_20)

if(MSVC)
    target_compile_options(sentinel_options INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
else()
    target_compile_options(sentinel_options INTERFACE
        -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor)
endif()

target_compile_definitions(sentinel_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    SPDLOG_FMT_EXTERNAL)

option(SENTINEL_WERROR "Treat warnings as errors" OFF)
if(SENTINEL_WERROR AND NOT MSVC)
    target_compile_options(sentinel_options INTERFACE -Werror)
endif()

option(SENTINEL_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)
if(SENTINEL_SANITIZE AND NOT MSVC)
    target_compile_options(sentinel_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(sentinel_options INTERFACE -fsanitize=address,undefined)
endif()

option(SENTINEL_COVERAGE "Instrument for line and branch coverage (gcc --coverage; read with gcovr)" OFF)
if(SENTINEL_COVERAGE AND NOT MSVC)
    target_compile_options(sentinel_options INTERFACE --coverage)
    target_link_options(sentinel_options INTERFACE --coverage)
endif()
