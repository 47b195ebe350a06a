// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/Alert.h"

#include "common/Redactor.h"

#include <QUuid>

namespace sentinel {

Alert Alert::create(Severity severity, const QString& kind, const QString& instrumentKey, const QString& message,
                    const QDateTime& at)
{
    // Alert texts are often built from server answers; mask secrets before the journal, the
    // UI or a notification sees them (ADR 0103).
    return Alert{QUuid::createUuid().toString(QUuid::WithoutBraces), severity, kind, instrumentKey,
                 Redactor::instance().redact(message), at, false, {}};
}

QString alertSeverityName(Alert::Severity severity)
{
    switch (severity) {
    case Alert::Severity::Info: return QStringLiteral("info");
    case Alert::Severity::Warning: return QStringLiteral("warning");
    case Alert::Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

std::optional<Alert::Severity> parseAlertSeverity(QStringView name)
{
    if (name == u"info")
        return Alert::Severity::Info;
    if (name == u"warning")
        return Alert::Severity::Warning;
    if (name == u"critical")
        return Alert::Severity::Critical;
    return std::nullopt;
}

} // namespace sentinel
