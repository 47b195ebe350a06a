// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace sentinel {

/// A problem reported as a value the UI and CLI can show (not only as a log line):
/// where it is (`location`: a config key path, a file and line, an instrument), what is wrong,
/// and how to fix it.
struct Issue {
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Error;
    QString location; ///< a config key path ("telegram.bot_token"), a file, an instrument
    QString message;
    QString remedy;
    int line = 0; ///< 1-based line in the source file, 0 when unknown

    Issue() = default;
    /// Message and remedy pass through the Redactor, like an Error's (ADR 0103).
    Issue(Severity severity, QString location, const QString& message, const QString& remedy = {}, int line = 0);

    [[nodiscard]] QString toString() const
    {
        QString text = location.isEmpty() ? message : location + u": " + message;
        if (line > 0)
            text += QStringLiteral(" (line %1)").arg(line);
        if (!remedy.isEmpty())
            text += u" — " + remedy;
        return text;
    }
};

using Issues = QList<Issue>;

[[nodiscard]] inline bool hasErrors(const Issues& issues)
{
    for (const Issue& issue : issues) {
        if (issue.severity == Issue::Severity::Error)
            return true;
    }
    return false;
}

} // namespace sentinel
