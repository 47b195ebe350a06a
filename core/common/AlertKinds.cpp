// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AlertKinds.h"

namespace sentinel {

const QList<AlertKindInfo>& allAlertKinds()
{
    // One row a kind: { alertkind::<name>, QStringLiteral("<page>.md") }. The runbook_coverage
    // test parses these rows; keep each on one line.
    static const QList<AlertKindInfo> kinds{
        {alertkind::staleData, QStringLiteral("stale-data.md")},
        {alertkind::recovered, QStringLiteral("stale-data.md")},
        {alertkind::approvalRefused, QStringLiteral("approval-refused.md")},
        {alertkind::executionFailed, QStringLiteral("execution-failed.md")},
        {alertkind::deliveryFailed, QStringLiteral("delivery-failed.md")},
        {alertkind::deliveryConfig, QStringLiteral("delivery-config.md")},
        {alertkind::telemetry, QStringLiteral("telemetry.md")},
        {alertkind::platformError, QStringLiteral("platform-error.md")},
        {alertkind::riskRejection, QStringLiteral("risk-rejection.md")},
        {alertkind::cacheDegraded, QStringLiteral("cache-degraded.md")},
        {alertkind::cacheRecovered, QStringLiteral("cache-degraded.md")},
        {alertkind::journalError, QStringLiteral("journal-error.md")},
        {alertkind::quotaExhausted, QStringLiteral("quota-exhausted.md")},
        {alertkind::circuitOpen, QStringLiteral("provider-circuit-open.md")},
        {alertkind::brokerDisconnected, QStringLiteral("broker-disconnected.md")},
        {alertkind::reconciliationMismatch, QStringLiteral("reconciliation-mismatch.md")},
        {alertkind::advisorUnavailable, QStringLiteral("advisor-unavailable.md")},
        {alertkind::telegramUnauthorised, QStringLiteral("telegram-unauthorised.md")},
        {alertkind::operatorControl, QStringLiteral("operator-control.md")},
    };
    return kinds;
}

QString runbookPage(const QString& kind)
{
    for (const AlertKindInfo& info : allAlertKinds()) {
        if (info.kind == kind)
            return info.runbook;
    }
    return QStringLiteral("README.md");
}

} // namespace sentinel
