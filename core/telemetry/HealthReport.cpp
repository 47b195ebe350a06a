// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/HealthReport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace sentinel {

bool HealthReport::healthy() const
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const HealthCheck& check) { return check.ok; });
}

QByteArray HealthReport::toJson() const
{
    QJsonObject items;
    for (const HealthCheck& check : checks) {
        QJsonObject item{{QStringLiteral("status"), check.ok ? QStringLiteral("ok") : QStringLiteral("failing")}};
        if (!check.detail.isEmpty())
            item.insert(QStringLiteral("detail"), check.detail);
        items.insert(check.name, item);
    }
    const QJsonObject report{{QStringLiteral("status"), healthy() ? QStringLiteral("ok") : QStringLiteral("degraded")},
                             {QStringLiteral("checks"), items}};
    return QJsonDocument(report).toJson(QJsonDocument::Compact);
}

} // namespace sentinel
