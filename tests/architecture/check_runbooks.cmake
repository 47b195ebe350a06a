# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when an alert the operator can see has no runbook page (docs/runbooks/README.md, docs/adr/0102):
#  - a kind in core/common/AlertKinds.h has no row in AlertKinds.cpp, or its page is missing;
#  - a raise site in core/ names a kind that AlertKinds.h does not declare;
#  - a rule in packaging/monitoring/alert-rules.yaml has no annotations.runbook_url, or it points
#    at a file that does not exist;
#  - a page in docs/runbooks/ is not linked from docs/runbooks/README.md.
#
# How kinds are found. AlertKinds.h is the one table: `inline const QString <name> =
# QStringLiteral("<kind>");`, and AlertKinds.cpp maps each to its page with rows
# `{alertkind::<name>, QStringLiteral("<page>.md")}`. To catch a kind that bypasses the table, every
# file in core/ is read whole (so a call split over lines still matches) and the kind argument of
# each alert construction is taken apart:
#    <sink>.raise(Alert::Severity::X, <kind>, ...)    AlertSink, the engine's one way in
#    Alert::create(Alert::Severity::X, <kind>, ...)   alerts made without the sink (journal_error)
#    ProviderAlert{<kind>, ...}                         a provider's alert, raised by EngineServices
# <kind> may be `alertkind::<name>` (the name must be declared), a string literal (QStringLiteral,
# u"", QString::fromUtf16 of one) that must equal a declared kind, or one of the parameters that
# only pass a kind along (FORWARDERS below). Anything else fails with the file and the text, so a
# new way of naming a kind is noticed here rather than shipped without a page.
# Run: cmake -DSOURCE_DIR=<repo> -P check_runbooks.cmake
cmake_minimum_required(VERSION 3.21)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repo> -P check_runbooks.cmake")
endif()

set(RUNBOOKS "docs/runbooks")
# The kind parameters of AlertSink::raise and of the provider relay in EngineServices.
set(FORWARDERS "kind" "alert.kind")
set(problems "")

# 1. The table: constant name -> kind, and constant name -> page.
file(READ "${SOURCE_DIR}/core/common/AlertKinds.h" header)
string(REGEX MATCHALL "inline const QString [A-Za-z0-9_]+ = QStringLiteral\\(\"[a-z0-9_]+\"\\)" declarations "${header}")
set(kinds "")
foreach(declaration IN LISTS declarations)
    string(REGEX MATCH "QString ([A-Za-z0-9_]+) = QStringLiteral\\(\"([a-z0-9_]+)\"\\)" _ "${declaration}")
    set(kind_of_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    list(APPEND names "${CMAKE_MATCH_1}")
    list(APPEND kinds "${CMAKE_MATCH_2}")
endforeach()
list(LENGTH kinds kind_count)
if(kind_count EQUAL 0)
    message(FATAL_ERROR "no alert kinds found in core/common/AlertKinds.h: has its layout changed?")
endif()

file(READ "${SOURCE_DIR}/core/common/AlertKinds.cpp" table)
string(REGEX MATCHALL "\\{alertkind::[A-Za-z0-9_]+, QStringLiteral\\(\"[A-Za-z0-9_.-]+\"\\)\\}" rows "${table}")
foreach(row IN LISTS rows)
    string(REGEX MATCH "alertkind::([A-Za-z0-9_]+), QStringLiteral\\(\"([A-Za-z0-9_.-]+)\"\\)" _ "${row}")
    set(page_of_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
endforeach()
foreach(name IN LISTS names)
    if(NOT DEFINED page_of_${name})
        list(APPEND problems "core/common/AlertKinds.cpp: kind ${kind_of_${name}} (alertkind::${name}) has no runbook row")
    elseif(NOT EXISTS "${SOURCE_DIR}/${RUNBOOKS}/${page_of_${name}}")
        list(APPEND problems "kind ${kind_of_${name}}: runbook ${RUNBOOKS}/${page_of_${name}} does not exist")
    endif()
endforeach()

# 2. Every raise site in core/.
set(sites 0)
set(ws "[ \t\r\n]*")
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h")
foreach(file IN LISTS sources)
    file(READ "${SOURCE_DIR}/${file}" text)
    # Square brackets would confuse the list functions below; no kind argument contains them.
    string(REPLACE "[" "(" text "${text}")
    string(REPLACE "]" ")" text "${text}")
    string(REGEX MATCHALL "(raise|Alert::create)\\(${ws}Alert::Severity::[A-Za-z]+,${ws}[^,]+,|ProviderAlert\\{${ws}[^,}]+,"
           calls "${text}")
    foreach(call IN LISTS calls)
        math(EXPR sites "${sites} + 1")
        if(call MATCHES "^ProviderAlert\\{${ws}(.*),$")
            set(argument "${CMAKE_MATCH_1}")
        else()
            string(REGEX REPLACE "^[A-Za-z:]+\\(${ws}Alert::Severity::[A-Za-z]+,${ws}" "" argument "${call}")
            string(REGEX REPLACE ",$" "" argument "${argument}")
        endif()
        string(STRIP "${argument}" argument)
        if(argument MATCHES "^alertkind::([A-Za-z0-9_]+)$")
            if(NOT DEFINED kind_of_${CMAKE_MATCH_1})
                list(APPEND problems "${file}: alertkind::${CMAKE_MATCH_1} is not declared in core/common/AlertKinds.h")
            endif()
        elseif(argument MATCHES "\"([^\"]*)\"")
            set(literal "${CMAKE_MATCH_1}")
            if(NOT literal IN_LIST kinds)
                list(APPEND problems "${file}: alert kind \"${literal}\" is not in core/common/AlertKinds.h, so it has no runbook page")
            endif()
        elseif(NOT argument IN_LIST FORWARDERS)
            list(APPEND problems "${file}: cannot tell which alert kind '${argument}' is; use a constant from core/common/AlertKinds.h")
        endif()
    endforeach()
endforeach()
if(sites EQUAL 0)
    list(APPEND problems "no alert raise sites found in core/: has AlertSink::raise been renamed?")
endif()

# 3. Prometheus rules: each `- alert:` needs a runbook_url to an existing page before the next rule.
file(STRINGS "${SOURCE_DIR}/packaging/monitoring/alert-rules.yaml" lines)
set(rule "")
set(rule_count 0)
foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*- alert:[ \t]*([A-Za-z0-9_]+)")
        if(rule AND NOT rule_has_runbook)
            list(APPEND problems "alert-rules.yaml: rule ${rule} has no annotations.runbook_url")
        endif()
        set(rule "${CMAKE_MATCH_1}")
        set(rule_has_runbook FALSE)
        math(EXPR rule_count "${rule_count} + 1")
    elseif(rule AND line MATCHES "^[ \t]*runbook_url:[ \t]*\"?([^\" \t]+)\"?")
        set(rule_has_runbook TRUE)
        set(url "${CMAKE_MATCH_1}")
        if(NOT url MATCHES "^${RUNBOOKS}/[A-Za-z0-9_.-]+\\.md$")
            list(APPEND problems "alert-rules.yaml: rule ${rule}: runbook_url ${url} is not ${RUNBOOKS}/<page>.md")
        elseif(NOT EXISTS "${SOURCE_DIR}/${url}")
            list(APPEND problems "alert-rules.yaml: rule ${rule}: runbook_url ${url} does not exist")
        endif()
    endif()
endforeach()
if(rule AND NOT rule_has_runbook)
    list(APPEND problems "alert-rules.yaml: rule ${rule} has no annotations.runbook_url")
endif()

# 4. The index links every page.
file(READ "${SOURCE_DIR}/${RUNBOOKS}/README.md" index)
file(GLOB pages RELATIVE "${SOURCE_DIR}/${RUNBOOKS}" "${SOURCE_DIR}/${RUNBOOKS}/*.md")
foreach(page IN LISTS pages)
    if(NOT page STREQUAL "README.md" AND NOT index MATCHES "\\(${page}\\)")
        list(APPEND problems "${RUNBOOKS}/README.md does not link ${page}")
    endif()
endforeach()

list(LENGTH problems count)
if(count GREATER 0)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "${count} runbook problem(s):\n  ${text}")
endif()
message(STATUS "runbooks cover ${kind_count} alert kinds, ${sites} raise sites and ${rule_count} alert rules")
