// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace sentinel {

/// The kinds of alert the engine raises, in one place. Every raise site names its kind with one
/// of these constants (a provider's alert carries one through `ProviderAlert::kind`), and each
/// kind has an operator's runbook page in docs/runbooks/. The `runbook_coverage` test reads this
/// header and AlertKinds.cpp, so a kind added here without a page, or raised as a literal that
/// is not listed here, fails the build's tests (docs/runbooks/README.md, docs/adr/0102).
namespace alertkind {
inline const QString staleData = QStringLiteral("stale_data");
inline const QString recovered = QStringLiteral("recovered");
inline const QString approvalRefused = QStringLiteral("approval_refused");
inline const QString executionFailed = QStringLiteral("execution_failed");
inline const QString deliveryFailed = QStringLiteral("delivery_failed");
inline const QString deliveryConfig = QStringLiteral("delivery_config");
inline const QString telemetry = QStringLiteral("telemetry");
inline const QString platformError = QStringLiteral("platform_error");
inline const QString riskRejection = QStringLiteral("risk_rejection");
inline const QString cacheDegraded = QStringLiteral("cache_degraded");
inline const QString cacheRecovered = QStringLiteral("cache_recovered");
inline const QString journalError = QStringLiteral("journal_error");
inline const QString quotaExhausted = QStringLiteral("quota_exhausted");
inline const QString circuitOpen = QStringLiteral("circuit_open");
// Raised by the brokers (issue 14), the advisor (issue 15) and two-way Telegram; their pages
// are written ahead so the kinds arrive documented.
inline const QString brokerDisconnected = QStringLiteral("broker_disconnected");
inline const QString reconciliationMismatch = QStringLiteral("reconciliation_mismatch");
inline const QString advisorUnavailable = QStringLiteral("advisor_unavailable");
inline const QString telegramUnauthorised = QStringLiteral("telegram_unauthorised");
/// The operator paused, resumed, flattened or pulled the kill switch (ADR 0132).
inline const QString operatorControl = QStringLiteral("operator_control");
} // namespace alertkind

/// An alert kind and the runbook page (a file name in docs/runbooks/) that says what to do.
struct AlertKindInfo {
    QString kind;
    QString runbook;
};

/// Every kind above with its page; kinds that are one thing (a recovery and its failure) share one.
[[nodiscard]] const QList<AlertKindInfo>& allAlertKinds();

/// The runbook page for `kind` ("stale-data.md"); the index page "README.md" for a kind this
/// build does not know, so an operator always lands somewhere useful.
[[nodiscard]] QString runbookPage(const QString& kind);

} // namespace sentinel
