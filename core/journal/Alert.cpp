// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/Alert.h"

#include <QUuid>

namespace sentinel {

Alert Alert::create(Severity severity, const QString& kind, const QString& instrumentKey, const QString& message,
                    const QDateTime& at)
{
    return Alert{QUuid::createUuid().toString(QUuid::WithoutBraces), severity, kind, instrumentKey, message, at, false, {}};
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
