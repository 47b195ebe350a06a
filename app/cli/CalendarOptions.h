// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

#include "config/Config.h"
#include "market/CalendarRegistry.h"

#include <QJsonObject>

#include <optional>

namespace sentinel::cli {

/// Adds --market M and --calendars FILE (the user override of the built-in calendars).
void addCalendarOptions(QCommandLineParser& parser);

/// Loads the calendars (built-in plus --calendars, else the calendars.file of --config) and finds
/// --market. When --config is given and `config` is not null, the loaded configuration is
/// returned there. On failure prints the problem naming the bad argument or key and sets `exitCode`.
std::shared_ptr<const MarketCalendar> requireCalendar(const QCommandLineParser& parser, Invocation& invocation,
                                                      int& exitCode, CalendarRegistry* registry = nullptr,
                                                      std::optional<Config>* config = nullptr);

/// Reads an instant option that must be UTC with a Z; when absent, `fallbackToNow` gives the
/// system time. On a bad value prints a message naming the option and returns nothing.
std::optional<qint64> requireInstant(const QCommandLineParser& parser, Invocation& invocation, const QString& option,
                                     bool fallbackToNow);

/// Writes one JSON object and a newline to stdout.
void printJson(Invocation& invocation, const QJsonObject& object);

/// An instant as JSON: the UTC string, or null.
QJsonValue instantJson(std::optional<qint64> ms);

} // namespace sentinel::cli
