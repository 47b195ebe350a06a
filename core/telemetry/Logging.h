// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/LogFormat.h"

#include <QString>

#include <optional>

namespace sentinel {

struct LoggingOptions {
    QString level = QStringLiteral("info"); ///< trace, debug, info, warn, error, critical, off
    bool stderrEnabled = true;
    bool fileEnabled = true;
    QString logFile; ///< empty: the platform's log location (defaultLogFile())
    std::size_t maxFileBytes = std::size_t{5} * 1024 * 1024;
    std::size_t maxFiles = 3;
    LogFormat format = LogFormat::Text;
};

/// <AppLocalDataLocation>/logs/trade-sentinel.log
[[nodiscard]] QString defaultLogFile();

/// Installs the sinks every named logger shares: stderr and a rotating file, both passing text
/// through the Redactor so no registered secret is ever written in clear. Routes Qt's own
/// messages (qDebug, qWarning, ...) into the "qt" logger. Safe to call again to reconfigure.
/// Returns a message naming the problem when the level is unknown or the file cannot be opened.
std::optional<QString> setupLogging(const LoggingOptions& options);

/// Switches the installed sinks to `format` (once the configuration has been read, which is
/// after logging was set up from the command line). The redaction stays in front of both.
void setLogFormat(LogFormat format);

/// Flushes every logger (call before exit).
void flushLogs();

} // namespace sentinel
