// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/AlertSink.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/EngineContext.h"
#include "engine/ViewMapping.h"
#include "journal/Journal.h"

namespace sentinel {

AlertSink::AlertSink(EngineContext& context, QObject* parent) : QObject(parent), m_context(context) {}

void AlertSink::raise(Alert::Severity severity, const QString& kind, const QString& instrumentKey, const QString& message)
{
    const IoSpan io(m_context.io);
    const Alert alert = Alert::create(severity, kind, instrumentKey, message, m_context.clock.now());
    if (m_journal) {
        if (const Status recorded = m_journal->recordAlert(alert); !recorded)
            log::journal()->error("cannot record alert: {}", recorded.error().toString());
    }
    log::engine()->log(alert.severity == Alert::Severity::Info ? spdlog::level::info : spdlog::level::warn, "alert {}: {}",
                       kind, message);
    announce(alert);
}

void AlertSink::announce(const Alert& alert)
{
    ++m_context.stats.alerts[alert.kind];
    Q_EMIT raised(toView(alert));
}

void AlertSink::journalFailure(const QString& what, const Error& error)
{
    log::journal()->critical("{} failed: {}", what, error.toString());
    const Alert alert = Alert::create(Alert::Severity::Critical, alertkind::journalError, {},
                                      QStringLiteral("%1 failed, nothing was acted on: %2").arg(what, error.toString()),
                                      m_context.clock.now());
    announce(alert); // not journalled: writing to the journal is what failed
}

void AlertSink::acknowledge(const QString& alertId)
{
    if (!m_journal)
        return;
    if (auto acknowledged = m_journal->acknowledgeAlert(alertId, m_context.clock.now()); !acknowledged)
        journalFailure(QStringLiteral("acknowledging an alert"), acknowledged.error());
}

} // namespace sentinel
